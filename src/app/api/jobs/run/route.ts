import { answerJobRun } from "@/server/ops/job-run-endpoint";

export const dynamic = "force-dynamic";
// Vercel ends a function at maxDuration; a call spends at most 45 s on jobs.
export const maxDuration = 60;

export function GET(request: Request) {
  return answerJobRun(request.headers);
}

export function POST(request: Request) {
  return answerJobRun(request.headers);
}
