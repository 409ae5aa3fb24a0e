import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { canUseAdminArea } from "@/lib/permissions";
import { getCurrentActor } from "@/server/auth/current-actor";

export const metadata = { title: { default: "Admin", template: "%s · Admin · Storefront" } };

/** Decided on the server before anything renders: anyone but staff gets the ordinary not-found page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  if (!actor || !canUseAdminArea(actor.role)) notFound();
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__content">{children}</div>
    </div>
  );
}
