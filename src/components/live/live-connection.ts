"use client";

/** How a page's live stream stands, in words the UI cares about. */
export type LiveConnection = "connecting" | "live" | "reconnecting";

interface SubscriptionState {
  status: "idle" | "connecting" | "pending" | "error";
  error: unknown;
}

/**
 * tRPC's subscription status in the UI's terms: "pending" means the stream is
 * open; connecting with an error (or a failed stream) means it was lost.
 */
export function liveConnection({ status, error }: SubscriptionState): LiveConnection {
  if (status === "pending") return "live";
  if (status === "error" || (status === "connecting" && error)) return "reconnecting";
  return "connecting";
}
