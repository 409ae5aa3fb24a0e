"use client";

import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { ChangeEmailForm } from "./change-email-form";

/** The account's address, whether it is verified (with a new link on request), and a way to change it. */
export function EmailSettings() {
  const trpc = useTRPC();
  const { data: me } = useSuspenseQuery(trpc.account.me.queryOptions());
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());

  return (
    <section className="panel stack" aria-labelledby="email-heading">
      <h2 id="email-heading" style={{ marginTop: 0 }}>
        Email address
      </h2>
      <p className="row" style={{ margin: 0 }} data-testid="email-status">
        <span style={{ overflowWrap: "anywhere" }}>{me.email}</span>
        {me.emailVerified ? (
          <span className="badge badge--delivered">Verified</span>
        ) : (
          <span className="badge badge--pending">Not verified yet</span>
        )}
      </p>
      {me.emailVerified ? null : (
        <div className="stack">
          <p style={{ margin: 0 }}>
            We mailed you a link to verify this address. Nothing arrived? Check the spam folder, or have it sent again.
          </p>
          <div role="status">
            {resend.isSuccess ? (
              <p className="notice notice--success">
                A new link is on its way to {resend.data.sentTo}. It works for 24 hours.
              </p>
            ) : null}
          </div>
          <div role="alert">
            {resend.isError ? <p className="notice notice--error">{errorMessage(resend.error)}</p> : null}
          </div>
          <div>
            <button
              type="button"
              className="button button--secondary"
              disabled={resend.isPending}
              onClick={() => resend.mutate()}
            >
              {resend.isPending ? "Sending…" : "Send the link again"}
            </button>
          </div>
        </div>
      )}
      <ChangeEmailForm currentEmail={me.email} hasPassword={me.hasPassword} />
    </section>
  );
}
