import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { signOutAction } from "@/app/auth-actions";
import { getCurrentActor } from "@/server/auth/current-actor";
import { shopOrigin } from "@/server/mail/links";
import { TRPCReactProvider } from "@/trpc/react";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import "./globals.css";

export const metadata: Metadata = {
  // Canonical, Open Graph and Twitter addresses are absolute, on the shop's public origin.
  metadataBase: new URL(shopOrigin()),
  title: { default: "Storefront", template: "%s · Storefront" },
  description: "Everyday goods, well made.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  // Signed-in pages arrive with the cart, so the header's count needs no request of its own.
  if (actor) await getQueryClient().prefetchQuery(trpc.cart.get.queryOptions());
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TRPCReactProvider>
          <HydrateClient>
            <SiteHeader user={actor ? { name: actor.name, role: actor.role } : null} signOutAction={signOutAction} />
          </HydrateClient>
          <main id="main">{children}</main>
          <footer className="site-footer">Storefront · prices in USD · demo shop, no real payments</footer>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
