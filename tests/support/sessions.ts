import { encode } from "next-auth/jwt";
import type { Db } from "@/server/db/types";
import { startSession } from "@/server/domain/sessions/sessions";
import { testSecrets } from "./test-env";

/** A real signed-in cookie: a server-side session row and the Auth.js token that names it. */
export async function sessionCookieFor(
  db: Db,
  userId: string,
  options: { cookieName?: string; claims?: Record<string, unknown> } = {},
): Promise<{ cookie: string; sessionId: string }> {
  const name = options.cookieName ?? "authjs.session-token";
  const sessionId = await startSession(db, { userId });
  const token = await encode({
    token: { sub: userId, sid: sessionId, ...options.claims },
    secret: testSecrets.authSecret,
    salt: name,
  });
  return { cookie: `${name}=${token}`, sessionId };
}
