"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Optional mail on or off; confirmations, cancellations and security mail always go out. */
export function MailPreferencesForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.account.mailPreferences.queryOptions());
  // The box follows the click at once; a refused save puts it back.
  const [checked, setChecked] = useState(data.orderUpdates);
  const save = useMutation(
    trpc.account.setMailPreferences.mutationOptions({
      onError: () => setChecked(data.orderUpdates),
      onSettled: () => queryClient.invalidateQueries(trpc.account.mailPreferences.queryFilter()),
    }),
  );
  return (
    <div className="stack">
      <label className="checkbox">
        <input
          type="checkbox"
          name="orderUpdates"
          checked={checked}
          disabled={save.isPending}
          onChange={(event) => {
            setChecked(event.target.checked);
            save.mutate({ orderUpdates: event.target.checked });
          }}
        />{" "}
        Mail me when an order is shipped or delivered
      </label>
      <p className="stock" style={{ margin: 0 }}>
        Order confirmations, cancellations and mail about your account&apos;s security always arrive.
      </p>
      <div aria-live="polite" data-testid="mail-preferences-status">
        {save.isSuccess ? <p className="notice notice--success">Saved.</p> : null}
        {save.isError ? <p className="notice notice--error">{errorMessage(save.error)}</p> : null}
      </div>
    </div>
  );
}
