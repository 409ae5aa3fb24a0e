import Link from "next/link";
import { Suspense } from "react";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { CartLink } from "./cart-link";
import { HeaderSearch } from "./header-search";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const actor = await getCurrentActor();
  // Signed-in pages arrive with the cart, so the count needs no request of its own.
  if (actor) await getQueryClient().prefetchQuery(trpc.cart.get.queryOptions());
  return (
    <HydrateClient>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/" className="brand">
            Storefront
          </Link>
          <Suspense fallback={<div className="header-search" />}>
            <HeaderSearch />
          </Suspense>
          <nav className="header-nav" aria-label="Account">
            {actor ? (
              <>
                <CartLink />
                <Link href="/orders">Orders</Link>
                <span className="header-nav__user" data-testid="signed-in-as">
                  Signed in as <strong>{actor.name}</strong>
                </span>
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/sign-in">Sign in</Link>
                <Link href="/sign-up" className="button">
                  Sign up
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
    </HydrateClient>
  );
}
