import { answerMetrics } from "@/server/ops/metrics-endpoint";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return answerMetrics(request.headers);
}
