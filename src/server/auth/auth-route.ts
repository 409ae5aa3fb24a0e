import type { NextRequest } from "next/server";
import { emailSchema } from "@/lib/contracts/account";
import { getDb } from "../db/client";
import { clientIpFrom } from "../http/client-ip";
import { rateLimiterFor } from "../http/rate-limit/app-limiter";
import { assertSignInAllowed, RateLimitExceeded } from "../http/rate-limit/limiter";
import { handlers } from "./auth";
import { deviceCookieHeader, deviceNoteFor, trustedDeviceFor } from "./trusted-device";

/** The email a credentials sign-in posts, when it posts a usable one. */
async function postedEmail(request: NextRequest): Promise<string | null> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const parsed = emailSchema.safeParse(form?.get("email"));
  return parsed.success ? parsed.data : null;
}

/**
 * Auth.js's POST endpoints, with the password endpoint answering a caller over
 * its failure budget the way the API does: 429, Retry-After, the error shape.
 * (The sign-in form goes through a server action, which shows the same refusal.)
 */
export async function handleAuthPost(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const email = await postedEmail(request);
    if (email) {
      const device = trustedDeviceFor(request.headers.get("cookie"), email);
      try {
        await assertSignInAllowed(rateLimiterFor(await getDb()), email, clientIpFrom(request.headers), device);
      } catch (error) {
        if (!(error instanceof RateLimitExceeded)) throw error;
        return Response.json(
          {
            code: "TOO_MANY_REQUESTS",
            message: `Too many failed sign-ins. Try again in ${error.retryAfterSeconds} seconds.`,
            details: { retryAfterSeconds: error.retryAfterSeconds },
          },
          { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
        );
      }
      const response = await handlers.POST(request);
      if (startsSession(response)) {
        const secure = request.nextUrl.protocol === "https:";
        response.headers.append("set-cookie", deviceCookieHeader(deviceNoteFor(email), secure));
      }
      return response;
    }
  }
  return handlers.POST(request);
}

/** True when Auth.js answered with a new session cookie: the sign-in succeeded. */
function startsSession(response: Response): boolean {
  return response.headers
    .getSetCookie()
    .some((cookie) => /^(__Secure-)?authjs\.session-token(\.\d+)?=[^;]/.test(cookie));
}
