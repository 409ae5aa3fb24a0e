import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "../db/client";
import { resolveIdentity, type Identity } from "./identity";

/**
 * Who is signed in, for server components: resolved once per request and
 * shared with the request's tRPC context, so a page never decodes its cookie twice.
 */
export const getCurrentActor = cache(async (): Promise<Identity | null> => {
  // Headers first: reading them marks the page dynamic before anything opens the database.
  const requestHeaders = await headers();
  return resolveIdentity(await getDb(), requestHeaders);
});
