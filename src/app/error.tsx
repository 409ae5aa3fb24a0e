"use client";

import { useEffect } from "react";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The digest links this screen to the server log entry without exposing details.
    console.error(error.digest ?? error.message);
  }, [error]);
  return (
    <div className="empty-state" role="alert">
      <h1>Something went wrong</h1>
      <p>Sorry, this page could not be shown. Please try again.</p>
      {error.digest ? <p className="stock">Reference: {error.digest}</p> : null}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
