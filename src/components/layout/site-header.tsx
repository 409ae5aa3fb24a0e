import Link from "next/link";
import { Suspense } from "react";
import { CartLink } from "./cart-link";
import { HeaderSearch } from "./header-search";
import { SignOutButton } from "./sign-out-button";

/** `userName` is the signed-in user's name, or null for a visitor. */
export function SiteHeader({ userName }: { userName: string | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          Storefront
        </Link>
        <Suspense fallback={<div className="header-search" />}>
          <HeaderSearch />
        </Suspense>
        <nav className="header-nav" aria-label="Account">
          {userName ? (
            <>
              <CartLink />
              <Link href="/orders">Orders</Link>
              <Link href="/account">Account</Link>
              <span className="header-nav__user" data-testid="signed-in-as">
                Signed in as <strong>{userName}</strong>
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
  );
}
