import { randomUUID } from "node:crypto";
import { checkoutWith } from "./support/shipping";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest, MAX_BATCH_SIZE } from "@/server/api/http-handler";
import { listProcedures } from "@/server/api/procedures";
import { appRouter } from "@/server/api/root";
import { selectRows } from "@/server/db/rows";
import { seedDemoData } from "@/server/db/seed";
import type { Actor } from "@/server/domain/actor";
import type { RateLimiter } from "@/server/http/rate-limit/limiter";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { testContext, type HttpErrorBody } from "./support/callers";

/**
 * Fuzzing every procedure over the real HTTP handler: at least 50 generated
 * invalid inputs each (wrong types, missing and extra fields, boundary
 * numbers, huge and unicode strings, NUL, SQL and script payloads, empty and
 * malformed bodies), sent by an administrator so every input reaches
 * validation. No answer may be a 5xx, every 4xx has the error shape, and the
 * database is the same afterwards.
 */

let database: TestDatabase;
let admin: Actor;
const unlimited: RateLimiter = {
  consume: async () => {},
  check: async () => {},
  record: async () => {},
  refund: async () => {},
};

/** A valid input per procedure: the fuzzer breaks it in every way it knows. */
const fuzzAddress = { name: "Fuzz", line1: "1 Fuzz Street", city: "Berlin", postalCode: "10115", country: "DE" };

const samples: Record<string, unknown> = {
  "auth.signUp": { email: "fuzz@example.test", password: "long enough pw", name: "Fuzz" },
  "auth.token": { email: "fuzz@example.test", password: "long enough pw" },
  "auth.requestPasswordReset": { email: "fuzz@example.test" },
  "auth.resetPassword": { token: "A".repeat(43), password: "a new long password" },
  "auth.verifyEmail": { token: "A".repeat(43) },
  "account.me": undefined,
  "account.signOutEverywhere": undefined,
  "account.changePassword": { currentPassword: "x", newPassword: "a new long password" },
  "account.resendVerification": undefined,
  "account.changeEmail": { email: "fuzz-moved@example.test", currentPassword: "x" },
  "account.exportData": undefined,
  "account.delete": { currentPassword: "x" },
  "account.mailPreferences": undefined,
  "account.setMailPreferences": { orderUpdates: false },
  "account.signInMethods.list": undefined,
  "account.signInMethods.confirmLink": { currentPassword: "x" },
  "account.signInMethods.unlink": { provider: "github" },
  "account.tokens.list": undefined,
  "account.tokens.create": { name: "fuzz", scopes: ["read"], expiresInDays: 1 },
  "account.tokens.revoke": { id: randomUUID() },
  "catalog.list": { limit: 5, sort: "newest", category: "kitchen", inStock: true },
  "catalog.categories": undefined,
  "catalog.sitemap": undefined,
  "catalog.bySlug": { slug: "stoneware-mug" },
  "cart.get": undefined,
  "cart.setItem": { productId: randomUUID(), quantity: 1 },
  "cart.clear": undefined,
  "checkout.placeOrder": checkoutWith(randomUUID()),
  "checkout.quote": { country: "DE", shippingMethod: "standard", discountCode: "WELCOME10" },
  "account.addresses.list": undefined,
  "account.addresses.create": fuzzAddress,
  "account.addresses.update": { id: randomUUID(), address: fuzzAddress },
  "account.addresses.delete": { id: randomUUID() },
  "admin.discounts.list": { limit: 5 },
  "admin.discounts.byId": { id: randomUUID() },
  "admin.discounts.create": { code: "FUZZ-10", kind: "percent", value: 10 },
  "admin.discounts.pause": { id: randomUUID() },
  "admin.discounts.resume": { id: randomUUID() },
  "orders.list": { limit: 5 },
  "orders.byId": { id: randomUUID() },
  "orders.cancel": { id: randomUUID() },
  "orders.pay": { id: randomUUID() },
  "live.position": undefined,
  "live.stock": { productIds: [randomUUID()], lastEventId: "1" },
  "live.orders": { lastEventId: "1" },
  "admin.products.list": { limit: 5 },
  "admin.products.byId": { id: randomUUID() },
  "admin.products.create": { name: "Fuzz", slug: "fuzz", description: "", priceCents: 100, stock: 1 },
  "admin.products.update": { id: randomUUID(), priceCents: 100 },
  "admin.products.archive": { id: randomUUID() },
  "admin.inventory.adjust": { productId: randomUUID(), delta: 1, reason: "fuzz" },
  "admin.orders.list": { limit: 5 },
  "admin.orders.byId": { id: randomUUID() },
  "admin.orders.cancel": { id: randomUUID(), reason: "fuzz" },
  "admin.orders.setStatus": { id: randomUUID(), status: "shipped" },
  "admin.audit.list": { limit: 5 },
  "admin.users.list": { limit: 5 },
  "admin.users.setRole": { userId: randomUUID(), role: "customer" },
  "admin.users.setDisabled": { userId: randomUUID(), disabled: false },
  "admin.dashboard": undefined,
  "admin.jobs.list": { state: "failed", limit: 5 },
  "admin.jobs.retry": { id: randomUUID() },
};

const hostileValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  "",
  " ",
  "x".repeat(100_000),
  "\u0000",
  "nul\u0000byte",
  "😀".repeat(2_000),
  "\u202e\u200b\ufeff",
  "' OR 1=1 --",
  "1; DROP TABLE users; --",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "%00%ff",
  "NaN",
  "Infinity",
  "00000000-0000-0000-0000-00000000000g",
  {},
  [],
  ["a", 1, null],
  { nested: { deeper: { deepest: [1, 2, 3] } } },
];

function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** Raw bodies (or query strings) that are not JSON, or JSON of the wrong overall kind. */
const rawPayloads = [
  "",
  "{",
  "}",
  "[",
  '{"a":',
  "nul",
  "undefined",
  "'single'",
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  "\u0000",
  "%7B%7D",
  "]]",
  '{"a":1,}',
  "NaN",
  "0x10",
  "1e999",
  "-",
  '"unterminated',
  "\ud800",
  "<xml/>",
  "a=1&b=2",
];

function variants(sample: unknown): { input?: unknown; raw?: string }[] {
  const generated: { input?: unknown; raw?: string }[] = [];
  for (const value of hostileValues) generated.push({ input: value });
  generated.push({ input: deeplyNested(500) });
  for (const raw of rawPayloads) generated.push({ raw });
  if (sample && typeof sample === "object" && !Array.isArray(sample)) {
    const fields = Object.keys(sample);
    for (const field of fields) {
      const { [field]: _removed, ...without } = sample as Record<string, unknown>;
      generated.push({ input: without });
      for (const value of hostileValues) generated.push({ input: { ...sample, [field]: value } });
    }
    generated.push({ input: { ...sample, extra: "<script>", __proto__: { isAdmin: true } } });
  }
  return generated;
}

interface Parser {
  safeParse: (value: unknown) => { success: boolean };
}

/** The procedure's own input schema: a "variant" that parses is not invalid and is left out. */
function inputParser(path: string): Parser | undefined {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>;
  return procedures[path]?._def.inputs[0] as Parser | undefined;
}

/** What the server will see as the input: a raw payload that happens to be valid JSON counts as that value. */
function decoded(variant: { input?: unknown; raw?: string }): unknown {
  if (variant.raw === undefined) return variant.input;
  if (variant.raw === "") return undefined;
  try {
    return JSON.parse(variant.raw) as unknown;
  } catch {
    return Symbol("not JSON");
  }
}

/** The first chunks of an event stream, for a second at most: enough to see how it began. */
async function firstChunk(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const timeout = new Promise<{ value?: undefined }>((resolve) => setTimeout(() => resolve({}), 1_000));
  let text = "";
  for (let reads = 0; reads < 10 && !text.includes("serialized-error"); reads++) {
    const { value } = await Promise.race([reader.read(), timeout]);
    if (!value) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  return text;
}

async function send(path: string, type: string, variant: { input?: unknown; raw?: string }): Promise<Response> {
  const url = new URL(`http://localhost/api/trpc/${path}`);
  const isRead = type !== "mutation";
  const text = variant.raw ?? (variant.input === undefined ? "" : JSON.stringify(variant.input));
  if (isRead && text !== "") url.searchParams.set("input", text);
  const request = new Request(url, {
    method: isRead ? "GET" : "POST",
    headers: {
      "content-type": "application/json",
      ...(isRead ? {} : { "content-length": String(Buffer.byteLength(text)) }),
      ...(type === "subscription" ? { accept: "text/event-stream" } : {}),
    },
    body: isRead ? undefined : text,
  });
  return handleTrpcRequest(request, async (limited) =>
    testContext(database.db, { headers: limited.headers, actor: admin, rateLimiter: unlimited }),
  );
}

async function snapshot(): Promise<Record<string, string>> {
  const tables = await selectRows<{ name: string }>(
    database.db,
    sql`select tablename as name from pg_tables where schemaname = 'public'
        and tablename not in ('rate_limit_buckets', '__drizzle_migrations') order by tablename`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await selectRows<{ digest: string | null }>(
      database.db,
      sql`select md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.identifier(name)} t`,
    );
    result[name] = row?.digest ?? "empty";
  }
  return result;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  const [found] = await selectRows<{ id: string; email: string; name: string; role: "admin" }>(
    database.db,
    sql`select id, email, name, role from users where role = 'admin' limit 1`,
  );
  if (!found) throw new Error("no admin");
  admin = found;
});

afterAll(() => database.dispose());

describe("fuzzing every procedure over HTTP", () => {
  it("has a sample for every procedure", () => {
    const missing = listProcedures(appRouter).filter((procedure) => !(procedure.path in samples));
    expect(missing.map((procedure) => procedure.path)).toEqual([]);
  });

  it("answers every invalid input with a 4xx in the error shape, never a 5xx, and changes nothing", async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const { path, type } of listProcedures(appRouter)) {
      const parser = inputParser(path);
      const invalid = variants(samples[path]).filter(
        (variant) => !parser || !parser.safeParse(decoded(variant)).success,
      );
      expect(invalid.length, path).toBeGreaterThanOrEqual(50);
      for (const variant of invalid) {
        const response = await send(path, type, variant);
        const label = `${path} ${JSON.stringify(variant).slice(0, 80)} → ${response.status}`;
        if (type === "subscription" && response.status === 200) {
          // An SSE stream reports a refused input as its first event: never a stream of data.
          const text = await firstChunk(response);
          if (!text.includes("serialized-error")) failures.push(`${label}: stream without an error`);
          if (/stack|Failed query|node_modules/i.test(text)) failures.push(`${label}: internals in the stream`);
          continue;
        }
        const body = await response.text();
        if (response.status >= 500 || response.status < 400) {
          failures.push(`${label}: ${body.slice(0, 200)}`);
          continue;
        }
        const parsed = JSON.parse(body) as HttpErrorBody | HttpErrorBody[];
        const first = Array.isArray(parsed) ? parsed[0] : parsed;
        if (typeof first?.error?.message !== "string" || typeof first.error.data?.code !== "string") {
          failures.push(`${label}: not the error shape: ${body.slice(0, 200)}`);
        }
        if (/stack|Failed query|select |insert into|node_modules/i.test(body)) {
          failures.push(`${label}: internals in the answer: ${body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 240_000);

  it("refuses oversized batches of queries and of mutations whole, with the error shape", async () => {
    const before = await snapshot();
    for (const size of [MAX_BATCH_SIZE + 1, 1_000]) {
      const indexes = Array.from({ length: size }, (_, index) => index);
      const queries = indexes.map(() => "catalog.list").join(",");
      const queryInput = JSON.stringify(Object.fromEntries(indexes.map((index) => [index, { limit: 1 }])));
      const mutations = indexes.map(() => "cart.clear").join(",");
      for (const request of [
        new Request(`http://localhost/api/trpc/${queries}?batch=1&input=${encodeURIComponent(queryInput)}`),
        new Request(`http://localhost/api/trpc/${mutations}?batch=1`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(Object.fromEntries(indexes.map((index) => [index, null]))),
        }),
      ]) {
        const response = await handleTrpcRequest(request, async (limited) =>
          testContext(database.db, { headers: limited.headers, actor: admin, rateLimiter: unlimited }),
        );
        expect(response.status, `${request.method} batch of ${size}`).toBe(400);
        const parsed = (await response.json()) as HttpErrorBody | HttpErrorBody[];
        const first = Array.isArray(parsed) ? parsed[0] : parsed;
        expect(first?.error.data.code).toBe("BAD_REQUEST");
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
