import { findSessionToken } from "./session-cookie";

/** True when a request carries a bearer token or a session cookie: its answer is that caller's alone. */
export function carriesCredentials(headers: Headers): boolean {
  return headers.has("authorization") || findSessionToken(headers.get("cookie")) !== null;
}
