import Link from "next/link";
import { Suspense } from "react";
import { canUseAdminArea, type Role } from "@/lib/permissions";
import type { SignOutAction } from "@/components/auth/action-types";
import { CartLink } from "./cart-link";
import { HeaderMenu } from "./header-menu";
import { HeaderSearch } from "./header-search";
import { SignOutButton } from "./sign-out-button";

/**
 * `user` is who is signed in, or null for a visitor; the role only decides which links show.
 * On a phone the search gets a row of its own and the cart count stays in view beside the menu.
 */
export function SiteHeader({
  user,
  signOutAction,
}: {
  user: { name: string; role: Role } | null;
  signOutAction: SignOutAction;
}) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          Storefront
        </Link>
        <Suspense fallback={<div className="header-search" />}>
          <HeaderSearch />
        </Suspense>
        {user ? (
          <div className="header-actions">
            <CartLink />
            <HeaderMenu>
              <nav className="header-nav" aria-label="Account">
                <Link href="/orders">Orders</Link>
                <Link href="/account">Account</Link>
                {canUseAdminArea(user.role) ? <Link href="/admin">Admin</Link> : null}
                <span className="header-nav__user" data-testid="signed-in-as">
                  Signed in as <strong>{user.name}</strong>
                </span>
                <SignOutButton signOutAction={signOutAction} />
              </nav>
            </HeaderMenu>
          </div>
        ) : (
          <nav className="header-nav header-actions" aria-label="Account">
            <Link href="/sign-in">Sign in</Link>
            <Link href="/sign-up" className="button">
              Sign up
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}
