import { redirect } from "next/navigation";
import type { Actor } from "../domain/actor";
import { getCurrentActor } from "./current-actor";

/** For pages that need a signed-in user: others go to sign-in and come back to `returnTo`. */
export async function requireActor(returnTo: string): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
