import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Storefront", template: "%s · Storefront" },
  description: "Everyday goods, well made.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TRPCReactProvider>
          <SiteHeader />
          <main id="main">{children}</main>
          <footer className="site-footer">Storefront · prices in USD · demo shop, no real payments</footer>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
