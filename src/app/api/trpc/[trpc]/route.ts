import { serveTrpc } from "@/server/api/trpc-endpoint";
import { corsPreflight } from "@/server/http/cors";

export { serveTrpc as GET, serveTrpc as POST };

// Live streams (tRPC subscriptions over SSE) are served here on Next's own server and on Vercel: the
// function may run this long, and SSE_MAX_DURATION_SECONDS ends each stream before it (tests/stream-duration.test.ts).
export const maxDuration = 300;
export const OPTIONS = (request: Request) => corsPreflight(request);
