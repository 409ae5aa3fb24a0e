import { env } from "@/env";

/** What tRPC's `sse` option takes, with every field this app decides made required. */
export interface SseSettings {
  maxDurationMs: number;
  ping: { enabled: boolean; intervalMs: number };
  client: { reconnectAfterInactivityMs: number };
}

/**
 * How every subscription stream behaves, on both transports: tRPC's producer
 * (the route handler) takes this object as `sse`, and server/live-streams.ts
 * reads the same numbers, so the two cannot drift apart.
 */
export const sseSettings: Readonly<SseSettings> = {
  // A host's request limit then ends the stream cleanly and the client resumes from its last event id.
  maxDurationMs: env.SSE_MAX_DURATION_SECONDS * 1000,
  ping: { enabled: true, intervalMs: env.SSE_PING_SECONDS * 1000 },
  // Three missed pings: the connection is dead even if the socket does not say so.
  client: { reconnectAfterInactivityMs: env.SSE_PING_SECONDS * 3000 },
};
