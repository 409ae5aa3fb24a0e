import Link from "next/link";
import { Suspense } from "react";
import { signOutAction } from "@/app/auth-actions";
import { getCurrentActor } from "@/server/auth/current-actor";
import { HeaderSearch } from "./header-search";

export async function SiteHeader() {
  const actor = await getCurrentActor();
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
          {actor ? (
            <>
              <span className="header-nav__user" data-testid="signed-in-as">
                Signed in as <strong>{actor.name}</strong>
              </span>
              <form action={signOutAction}>
                <button type="submit" className="button button--secondary">
                  Sign out
                </button>
              </form>
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
