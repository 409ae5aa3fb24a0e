"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { SignOutAction } from "@/components/auth/action-types";

/** Signing out also forgets this tab's cached cart and orders, so the next user never sees them. */
export function SignOutButton({ signOutAction }: { signOutAction: SignOutAction }) {
  const queryClient = useQueryClient();
  return (
    <form action={signOutAction} onSubmit={() => queryClient.clear()}>
      <button type="submit" className="button button--secondary">
        Sign out
      </button>
    </form>
  );
}
