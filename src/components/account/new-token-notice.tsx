"use client";

import { useState } from "react";

/** The one time a token is shown: copy it now, it cannot be shown again. */
export function NewTokenNotice({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="notice notice--success stack" data-testid="new-token" role="region" aria-label="Your new token">
      <p style={{ margin: 0 }}>
        <strong>{name}</strong> is ready. Copy it now: for your safety it will not be shown again.
      </p>
      <code className="token-value" data-testid="new-token-value">
        {token}
      </code>
      <div className="row">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy token
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <p aria-live="polite" style={{ margin: 0 }}>
        {copied === "yes" ? "Copied to the clipboard." : null}
        {copied === "failed" ? "Copying is blocked here: select the token and copy it yourself." : null}
      </p>
      <p className="field__hint" style={{ margin: 0 }}>
        Use it as <code>Authorization: Bearer {token.slice(0, 7)}…</code> with the REST API (
        <a href="/api/docs">reference</a>).
      </p>
    </div>
  );
}
