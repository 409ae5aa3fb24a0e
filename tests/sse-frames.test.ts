import { tracked } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { valueFramer } from "../server/sse-frames";

const asIs = (value: unknown) => value;

// The frames tRPC's sseStreamProducer writes for the same values (tests/live-transports.test.ts
// compares the two transports byte for byte on tracked events; these are the cases the app's
// subscriptions do not produce today).
describe("valueFramer", () => {
  it("writes a tracked value with its id", () => {
    const frame = valueFramer(null, asIs);
    expect(frame(tracked("7", { kind: "stock" }))).toBe('data: {"kind":"stock"}\nid: 7\n\n\n');
  });

  it("writes an untracked value without an id while the client holds none", () => {
    expect(valueFramer(null, asIs)({ n: 1 })).toBe('data: {"n":1}\n\n\n');
  });

  it("keeps the client's resume point across an untracked value", () => {
    const frame = valueFramer("3", asIs);
    expect(frame({ n: 1 })).toBe('data: {"n":1}\nid: \n\n\nevent: restore-id\ndata: \nid: 3\n\n\n');
    frame(tracked("9", { n: 2 }));
    expect(frame({ n: 3 })).toBe('data: {"n":3}\nid: \n\n\nevent: restore-id\ndata: \nid: 9\n\n\n');
  });

  it("ignores a resume point that cannot be written as an SSE field", () => {
    expect(valueFramer("3\nevent: x", asIs)({ n: 1 })).toBe('data: {"n":1}\n\n\n');
  });

  it("serializes data through the router's transformer", () => {
    const frame = valueFramer(null, (value) => ({ wrapped: value }));
    expect(frame(tracked("1", 5))).toBe('data: {"wrapped":5}\nid: 1\n\n\n');
  });
});
