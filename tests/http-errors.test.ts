import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { isDataException } from "@/server/db/errors";
import { users } from "@/server/db/schema";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { httpCall, testContext, type HttpErrorBody } from "./support/callers";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

describe("errors over HTTP", () => {
  it("answers malformed JSON with 400, not 500", async () => {
    const response = await httpCall(database.db, "auth.signUp", undefined, { method: "POST", body: "{not json" });
    expect(response.status).toBe(400);
  });

  it("answers an unknown procedure with 404", async () => {
    const response = await httpCall(database.db, "catalog.nothing", {});
    expect(response.status).toBe(404);
  });

  it("refuses a body over 1 MiB with 413 before parsing it", async () => {
    const body = JSON.stringify({ email: "a@b.test", password: "x".repeat(2 * 1024 * 1024), name: "big" });
    const response = await httpCall(database.db, "auth.signUp", undefined, { method: "POST", body });
    expect(response.status).toBe(413);
    const payload = (await response.json()) as HttpErrorBody;
    expect(payload.error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
  });

  it("refuses what a cross-site form can send (text/plain, urlencoded) before running anything", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const request = new Request("http://localhost/api/trpc/auth.signUp", {
        method: "POST",
        body: JSON.stringify({ email: "csrf@example.test", password: "long enough pw", name: "CSRF" }),
        headers: { "content-type": contentType },
      });
      const response = await handleTrpcRequest(request, async (limited) =>
        testContext(database.db, { headers: limited.headers, clientIp: "10.9.9.8" }),
      );
      expect(response.status, contentType).toBeGreaterThanOrEqual(400);
      expect(response.status, contentType).toBeLessThan(500);
    }
    const created = await database.db.select().from(users).where(eq(users.email, "csrf@example.test"));
    expect(created).toEqual([]);
  });

  it("refuses a mutation over GET", async () => {
    const response = await httpCall(database.db, "cart.clear", undefined, { method: "GET" });
    expect(response.status).toBe(405);
  });

  it("refuses a chunked body that grows past 1 MiB", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request("http://localhost/api/trpc/auth.signUp", {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const response = await handleTrpcRequest(request, async (limited) =>
      testContext(database.db, { headers: limited.headers, clientIp: "10.9.9.9" }),
    );
    expect(response.status).toBe(413);
  });

  it("recognises PostgreSQL's own verdict on an unacceptable value", async () => {
    const error = await database.db.execute(sql`select ${"a\u0000b"}::text`).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isDataException(error)).toBe(true);
    expect(isDataException(new Error("other"))).toBe(false);
  });

  it("hides internal failures: a generic message, no stack, no SQL", async () => {
    // A schema the code does not expect is a bug on our side; a closed pool would be a 503 (database away) instead.
    const broken = await createTestDatabase();
    await broken.db.execute(sql`alter table products rename to products_moved`);
    const response = await httpCall(broken.db, "catalog.list", {});
    await broken.dispose();
    expect(response.status).toBe(500);
    const text = await response.text();
    const payload = JSON.parse(text) as HttpErrorBody;
    expect(payload.error.message).toBe("Something went wrong on our side. Please try again.");
    expect(payload.error.data.code).toBe("INTERNAL_SERVER_ERROR");
    expect(payload.error.data.stack).toBeUndefined();
    expect(text).not.toMatch(/select|products|at .*\.ts/i);
  });
});
