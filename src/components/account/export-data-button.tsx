"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Downloads everything the shop holds about the account as one JSON file. */
export function ExportDataButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const data = await queryClient.fetchQuery({ ...trpc.account.exportData.queryOptions(), staleTime: 0 });
      const file = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = `storefront-account-${data.exportedAt.slice(0, 10)}.json`;
      link.click();
      URL.revokeObjectURL(link.href);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  }

  return (
    <div className="stack">
      <button type="button" className="button button--secondary" disabled={state.busy} onClick={() => void download()}>
        {state.busy ? "Preparing…" : "Download my data (JSON)"}
      </button>
      <div aria-live="polite">{state.error ? <p className="notice notice--error">{state.error}</p> : null}</div>
    </div>
  );
}
