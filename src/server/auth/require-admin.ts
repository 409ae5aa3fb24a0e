import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canUseAdminArea } from "@/lib/permissions";
import { getCurrentActor } from "./current-actor";
import type { Identity } from "./identity";

/**
 * For every admin layout, page and metadata function: anyone but staff gets
 * the ordinary not-found page. Next renders a page alongside its layout, so
 * each page checks too, and no admin markup is ever rendered for them.
 */
export async function requireAdminArea(): Promise<Identity> {
  const actor = await getCurrentActor();
  if (!actor || !canUseAdminArea(actor.role)) notFound();
  return actor;
}

/** An admin page's `generateMetadata`: its title only for staff. */
export function adminMetadata(title: string): () => Promise<Metadata> {
  return async () => {
    await requireAdminArea();
    return { title };
  };
}
