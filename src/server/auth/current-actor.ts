import { headers } from "next/headers";
import { cache } from "react";
import type { Actor } from "../domain/actor";
import { actorFromSessionCookie } from "./session-cookie";

/** Who is signed in, for server components: decoded once per request. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  return actorFromSessionCookie((await headers()).get("cookie"));
});
