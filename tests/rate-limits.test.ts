import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertSignInAllowed,
  createRateLimiter,
  RateLimitExceeded,
  recordSignInFailure,
} from "@/server/http/rate-limit/limiter";
import { createMemoryStore } from "@/server/http/rate-limit/memory-store";
import { rateLimitPolicies, type RateLimitPolicy } from "@/server/http/rate-limit/policies";
import { createPostgresStore } from "@/server/http/rate-limit/postgres-store";
import { createRedisStore } from "@/server/http/rate-limit/redis-store";
import type { RateLimitStore } from "@/server/http/rate-limit/store";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { testEnv } from "./support/test-env";

const tenPerMinute = (): RateLimitPolicy => ({ name: `test-${randomUUID()}`, limit: 10, periodSeconds: 60 });

describe("token buckets (GCRA), on a clock the test controls", () => {
  let now = 1_000_000;
  const store = createMemoryStore(() => now);

  it("allows a burst of the limit, then one request per interval: a sliding window, not a fixed one", async () => {
    const policy = tenPerMinute();
    for (let index = 0; index < 10; index++) expect((await store.take(policy, "a")).allowed).toBe(true);
    const refused = await store.take(policy, "a");
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 6 });
    now += 5_999;
    expect((await store.take(policy, "a")).allowed).toBe(false);
    now += 1;
    expect((await store.take(policy, "a")).allowed).toBe(true);
    expect((await store.take(policy, "a")).allowed).toBe(false);
    // A fixed window would hand out ten more at the top of the next minute; the bucket refills evenly.
    now += 30_000;
    const afterHalfAMinute = await Promise.all(Array.from({ length: 10 }, () => store.take(policy, "a")));
    expect(afterHalfAMinute.filter((decision) => decision.allowed)).toHaveLength(5);
  });

  it("peek never spends", async () => {
    const policy = tenPerMinute();
    for (let index = 0; index < 20; index++) expect((await store.peek(policy, "b")).allowed).toBe(true);
    for (let index = 0; index < 10; index++) await store.take(policy, "b");
    expect((await store.peek(policy, "b")).allowed).toBe(false);
  });
});

/** The same contract for each store every app instance shares. */
function sharedStoreContract(
  name: string,
  open: () => Promise<{ store: () => RateLimitStore; close: () => Promise<void> }>,
) {
  describe(`${name} store`, () => {
    let opened: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      opened = await open();
    });
    afterAll(() => opened.close());

    it("refuses the request after the burst with a Retry-After in seconds", async () => {
      const store = opened.store();
      const policy = tenPerMinute();
      for (let index = 0; index < 10; index++) expect((await store.take(policy, "x")).allowed).toBe(true);
      const refused = await store.take(policy, "x");
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(5);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(6);
      expect((await store.peek(policy, "x")).allowed).toBe(false);
      expect((await store.take(policy, "another subject")).allowed).toBe(true);
    });

    it("never spends a token twice: 25 concurrent requests against a limit of 10 let exactly 10 through", async () => {
      const store = opened.store();
      const policy = tenPerMinute();
      const decisions = await Promise.all(Array.from({ length: 25 }, () => store.take(policy, "race")));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    });

    it("counts across instances: two limiters on one store share each bucket", async () => {
      const [first, second] = [opened.store(), opened.store()];
      const policy = tenPerMinute();
      for (let index = 0; index < 5; index++) {
        expect((await first.take(policy, "shared")).allowed).toBe(true);
        expect((await second.take(policy, "shared")).allowed).toBe(true);
      }
      expect((await first.take(policy, "shared")).allowed).toBe(false);
      expect((await second.take(policy, "shared")).allowed).toBe(false);
    });
  });
}

let database: TestDatabase;

sharedStoreContract("PostgreSQL (or the embedded database)", async () => {
  database = await createTestDatabase();
  return { store: () => createPostgresStore(database.db), close: () => database.dispose() };
});

if (testEnv.TEST_REDIS_URL) {
  const url = testEnv.TEST_REDIS_URL;
  sharedStoreContract("Redis", async () => {
    const clients: Redis[] = [];
    const prefix = `storefront-test:${randomUUID()}:`;
    return {
      store: () => {
        const client = new Redis(url, { maxRetriesPerRequest: 1 });
        clients.push(client);
        return createRedisStore(client, prefix);
      },
      close: async () => {
        await Promise.all(clients.map((client) => client.quit()));
      },
    };
  });
}

describe("sign-in failure budgets", () => {
  const limiter = () => createRateLimiter(createMemoryStore(), createMemoryStore());

  it("refuses the 11th failed sign-in for one email from one address within a minute", async () => {
    const limits = limiter();
    const email = "owner@example.test";
    for (let attempt = 0; attempt < rateLimitPolicies.signInFailuresPerAccountAndAddress.limit; attempt++) {
      await assertSignInAllowed(limits, email, "203.0.113.66");
      await recordSignInFailure(limits, email, "203.0.113.66");
    }
    await expect(assertSignInAllowed(limits, email, "203.0.113.66")).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it("does not lock the owner out: another address may still sign in while the attacker is refused", async () => {
    const limits = limiter();
    const email = "owner@example.test";
    for (let attempt = 0; attempt < 10; attempt++) await recordSignInFailure(limits, email, "203.0.113.66");
    await expect(assertSignInAllowed(limits, email, "203.0.113.66")).rejects.toBeInstanceOf(RateLimitExceeded);
    await expect(assertSignInAllowed(limits, email, "198.51.100.5")).resolves.toBeUndefined();
  });

  it("stops a distributed guesser at the much higher per-account ceiling", async () => {
    const limits = limiter();
    const email = "target@example.test";
    const ceiling = rateLimitPolicies.signInFailuresPerAccount.limit;
    for (let attempt = 0; attempt < ceiling; attempt++) await recordSignInFailure(limits, email, `10.1.${attempt}.1`);
    await expect(assertSignInAllowed(limits, email, "198.51.100.5")).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it("counts failures only: successful sign-ins spend nothing", async () => {
    const limits = limiter();
    for (let attempt = 0; attempt < 50; attempt++) await assertSignInAllowed(limits, "busy@example.test", "192.0.2.1");
    await expect(assertSignInAllowed(limits, "busy@example.test", "192.0.2.1")).resolves.toBeUndefined();
  });
});
