import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { consoleErrorsThrough } from "@/server/observability/console-errors";
import { serializeError } from "@/server/observability/logger";

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: pino({ serializers: { err: serializeError } }, sink), lines };
}

describe("console.error from Next.js", () => {
  it("becomes one JSON log line, with a failed statement's parameters scrubbed", () => {
    const { log, lines } = capturingLogger();
    const failed = new Error(
      "Failed query: insert into users (email) values ($1)\nparams: alice@example.test,secret-pw",
    );
    consoleErrorsThrough(log)(" ⨯ ", failed);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? "{}") as {
      level: number;
      msg: string;
      source: string;
      err: { message: string };
    };
    expect(line).toMatchObject({ level: 50, source: "console", msg: "⨯" });
    expect(line.err.message).toContain("Failed query");
    expect(lines[0]).not.toContain("alice@example.test");
    expect(lines[0]).not.toContain("secret-pw");
  });

  it("keeps plain messages", () => {
    const { log, lines } = capturingLogger();
    consoleErrorsThrough(log)("Invalid Server Actions request.", { path: "/" });
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ msg: 'Invalid Server Actions request. {"path":"/"}' });
  });
});
