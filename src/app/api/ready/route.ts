import { readiness } from "@/server/ops/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when this instance can serve (database up, migrations applied), else 503 in the API's error shape. */
export async function GET() {
  const state = await readiness();
  const headers = { "Cache-Control": "no-store" };
  if (state.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ code: "SERVICE_UNAVAILABLE", message: state.reason }, { status: 503, headers });
}
