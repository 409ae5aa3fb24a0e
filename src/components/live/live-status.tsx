"use client";

import { useEffect, useRef, useState } from "react";
import type { LiveConnection } from "./live-connection";

/**
 * A small status line that speaks up only when it matters: when the live
 * connection is lost and, briefly, when it is back. `data-live-state` lets
 * tests wait for the stream to be open.
 */
export function LiveStatus({ connection, subject }: { connection: LiveConnection; subject: string }) {
  const [showBack, setShowBack] = useState(false);
  const wasLost = useRef(false);

  useEffect(() => {
    if (connection === "reconnecting") wasLost.current = true;
    if (connection !== "live" || !wasLost.current) return;
    wasLost.current = false;
    setShowBack(true);
    const timer = setTimeout(() => setShowBack(false), 4_000);
    return () => clearTimeout(timer);
  }, [connection]);

  return (
    <div className="live-status" role="status" data-live-state={connection} data-testid="live-status">
      {connection === "reconnecting" ? (
        <span className="live-status__message live-status__message--lost">
          Live updates paused: reconnecting. {subject} may be out of date.
        </span>
      ) : showBack ? (
        <span className="live-status__message">Live updates are back.</span>
      ) : null}
    </div>
  );
}
