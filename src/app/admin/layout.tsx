import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminArea } from "@/server/auth/require-admin";

export const metadata = { title: { default: "Admin", template: "%s · Admin · Storefront" } };

/** Decided on the server before anything renders: anyone but staff gets the ordinary not-found page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminArea();
  return (
    <div className="admin">
      <AdminNav />
      <div className="admin__content">{children}</div>
    </div>
  );
}
