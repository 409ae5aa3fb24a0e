import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/env";

// A host ends a function at its maxDuration. A live stream must end itself first, cleanly, so the
// client resumes from its last event id instead of being cut.
const STREAM_ROUTE = path.resolve("src/app/api/trpc/[trpc]/route.ts");

function declaredMaxDuration(file: string): number | null {
  const match = /export const maxDuration = (\d+);/.exec(readFileSync(file, "utf8"));
  return match?.[1] ? Number(match[1]) : null;
}

describe("live streams and the host's time limit", () => {
  it("the route that serves subscriptions declares its maxDuration", () => {
    expect(declaredMaxDuration(STREAM_ROUTE)).not.toBeNull();
  });

  it("ends streams before it by default, with time to spare for the last write", () => {
    const maxDuration = declaredMaxDuration(STREAM_ROUTE) ?? 0;
    const { SSE_MAX_DURATION_SECONDS } = parseEnv({});
    expect(SSE_MAX_DURATION_SECONDS).toBeLessThanOrEqual(maxDuration - 10);
  });

  it("matches what the Vercel guide tells operators to set", () => {
    const guide = readFileSync(path.resolve("docs/deploy/vercel.md"), "utf8");
    const suggested = Number(/^SSE_MAX_DURATION_SECONDS=(\d+)$/m.exec(guide)?.[1]);
    expect(suggested).toBeLessThan(declaredMaxDuration(STREAM_ROUTE) ?? 0);
  });
});
