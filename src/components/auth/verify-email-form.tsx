"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/**
 * Verifies on a press, never on opening the page: mail scanners open links in
 * advance, and must not use the token up (or verify for the person).
 */
export function VerifyEmailForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const verify = useMutation(
    trpc.auth.verifyEmail.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.account.me.queryFilter()),
    }),
  );

  return (
    <div className="stack">
      <div role="status" data-testid="verify-email-status">
        {verify.isSuccess ? (
          <>
            <p className="notice notice--success">
              Your address <strong>{verify.data.email}</strong> is verified.
            </p>
            <p style={{ margin: 0 }}>
              <Link href="/account">Go to your account</Link> or <Link href="/">continue shopping</Link>.
            </p>
          </>
        ) : null}
      </div>
      {verify.isSuccess ? null : (
        <>
          <p style={{ margin: 0 }}>Press the button to confirm that this email address is yours.</p>
          <div role="alert">
            {verify.isError ? (
              <p className="notice notice--error">
                {errorMessage(verify.error)} Sign in and{" "}
                <Link href="/account">send a new link from your account page</Link>.
              </p>
            ) : null}
          </div>
          <div>
            <button
              type="button"
              className="button"
              disabled={verify.isPending}
              onClick={() => verify.mutate({ token })}
            >
              {verify.isPending ? "Verifying…" : "Verify my address"}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
