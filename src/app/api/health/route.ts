import { databaseIsHealthy } from "@/server/ops/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await databaseIsHealthy()) return Response.json({ status: "ok", db: "ok" });
  return Response.json({ status: "error", db: "unavailable" }, { status: 503 });
}
