export const dynamic = "force-dynamic";

/** Liveness: the process answers. Whether it can serve is /api/ready's question. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
