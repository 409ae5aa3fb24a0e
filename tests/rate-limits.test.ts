import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceNoteFor,
  trustedDeviceFor,
} from "@/server/auth/trusted-device";
import {
  assertSignInAllowed,
  createRateLimiter,
  RateLimitExceeded,
  refundSignInAttempt,
  spendSignInAttempt,
  type RateLimiter,
} from "@/server/http/rate-limit/limiter";
import { rateLimitAddress } from "@/server/http/rate-limit/address-key";
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

    it("takes a refunded request back: one more is allowed, then the bucket is empty again", async () => {
      const store = opened.store();
      const policy = tenPerMinute();
      await store.refund(policy, "never taken");
      for (let index = 0; index < 10; index++) expect((await store.take(policy, "refund")).allowed).toBe(true);
      expect((await store.take(policy, "refund")).allowed).toBe(false);
      await store.refund(policy, "refund");
      expect((await store.take(policy, "refund")).allowed).toBe(true);
      expect((await store.take(policy, "refund")).allowed).toBe(false);
      // A refund for a subject that took nothing gives it no extra burst.
      for (let index = 0; index < 10; index++) expect((await store.take(policy, "never taken")).allowed).toBe(true);
      expect((await store.take(policy, "never taken")).allowed).toBe(false);
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

/** One failed sign-in as the app counts it: the attempt is spent before the password is checked. */
const fail = (limits: RateLimiter, email: string, address: string) => spendSignInAttempt(limits, email, address);

describe("sign-in failure budgets", () => {
  const limiter = () => createRateLimiter(createMemoryStore(), createMemoryStore());

  it("refuses the 11th failed sign-in for one email from one address", async () => {
    const limits = limiter();
    const email = "owner@example.test";
    for (let attempt = 0; attempt < rateLimitPolicies.signInFailuresPerAccountAndAddress.limit; attempt++) {
      await fail(limits, email, "203.0.113.66");
    }
    await expect(fail(limits, email, "203.0.113.66")).rejects.toBeInstanceOf(RateLimitExceeded);
    await expect(assertSignInAllowed(limits, email, "203.0.113.66")).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it("lets only the budget through when guesses arrive in parallel, before any of them has failed", async () => {
    const limits = limiter();
    const verdicts = await Promise.allSettled(
      Array.from({ length: 40 }, () => fail(limits, "race@example.test", "203.0.113.7")),
    );
    expect(verdicts.filter((verdict) => verdict.status === "fulfilled")).toHaveLength(
      rateLimitPolicies.signInFailuresPerAddress.limit,
    );
  });

  it("does not lock the owner out: another address may still sign in while the attacker is refused", async () => {
    const limits = limiter();
    const email = "owner@example.test";
    for (let attempt = 0; attempt < 10; attempt++) await fail(limits, email, "203.0.113.66");
    await expect(fail(limits, email, "203.0.113.66")).rejects.toBeInstanceOf(RateLimitExceeded);
    await expect(spendSignInAttempt(limits, email, "198.51.100.5")).resolves.toBeUndefined();
  });

  it("one address guessing for an hour cannot use up the owner's per-account ceiling", async () => {
    let now = 5_000_000;
    const limits = createRateLimiter(
      createMemoryStore(() => now),
      createMemoryStore(() => now),
    );
    const email = "owner@example.test";
    let guesses = 0;
    for (let second = 0; second < 3600; second += 10, now += 10_000) {
      if (
        await fail(limits, email, "203.0.113.66").then(
          () => true,
          () => false,
        )
      )
        guesses += 1;
    }
    expect(guesses).toBeLessThanOrEqual(55);
    expect(guesses).toBeLessThan(rateLimitPolicies.signInFailuresPerAccount.limit / 5);
    await expect(spendSignInAttempt(limits, email, "198.51.100.5")).resolves.toBeUndefined();
  });

  it("stops a distributed guesser at the per-account ceiling", async () => {
    const limits = limiter();
    const email = "target@example.test";
    const ceiling = rateLimitPolicies.signInFailuresPerAccount.limit;
    for (let attempt = 0; attempt < ceiling; attempt++) await fail(limits, email, `10.1.${attempt % 250}.${attempt}`);
    await expect(fail(limits, email, "198.51.100.5")).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it("lets a device that signed in before through while guessers from many networks hold the account's budget", async () => {
    const limits = limiter();
    const email = "locked@example.test";
    const ceiling = rateLimitPolicies.signInFailuresPerAccount.limit;
    for (let attempt = 0; attempt < ceiling; attempt++) {
      await fail(limits, email, `2001:db8:${Math.floor(attempt / 5).toString(16)}:1::${attempt}`);
    }
    // From a network nobody guessed from, a browser new to the account is refused; the owner's own is not.
    await expect(fail(limits, email, "198.51.100.77")).rejects.toBeInstanceOf(RateLimitExceeded);
    const device = trustedDeviceFor(`${DEVICE_COOKIE}=${deviceNoteFor(email)}`, email);
    expect(device).not.toBeNull();
    await expect(assertSignInAllowed(limits, email, "198.51.100.77", device)).resolves.toBeUndefined();
    // The device's own budget stops guessing by whoever copied its cookie.
    for (let attempt = 0; attempt < rateLimitPolicies.signInFailuresPerDevice.limit; attempt++) {
      await spendSignInAttempt(limits, email, `192.0.2.${attempt}`, device);
    }
    await expect(spendSignInAttempt(limits, email, "192.0.2.200", device)).rejects.toBeInstanceOf(RateLimitExceeded);
  });

  it("trusts only a device note this server made for this account, and not forever", () => {
    const email = "owner@example.test";
    const cookie = (value: string) => `theme=dark; ${DEVICE_COOKIE}=${value}`;
    const note = deviceNoteFor(email);
    expect(trustedDeviceFor(cookie(note), email)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(trustedDeviceFor(cookie(note), "someone.else@example.test")).toBeNull();
    const [payload = "", signature = ""] = note.split(".");
    const forged = Buffer.from(JSON.stringify({ email, device: "mine", issuedAt: Date.now() })).toString("base64url");
    expect(trustedDeviceFor(cookie(`${forged}.${signature}`), email)).toBeNull();
    expect(trustedDeviceFor(cookie(`${payload}.${signature}x`), email)).toBeNull();
    const old = deviceNoteFor(email, Date.now() - (DEVICE_COOKIE_MAX_AGE_SECONDS + 1) * 1000);
    expect(trustedDeviceFor(cookie(old), email)).toBeNull();
    expect(trustedDeviceFor(null, email)).toBeNull();
  });

  it("a refused attempt takes nothing from the account's other budgets", async () => {
    const limits = limiter();
    const email = "victim@example.test";
    for (let attempt = 0; attempt < 10; attempt++) await fail(limits, email, "203.0.113.9");
    for (let attempt = 0; attempt < 500; attempt++) await fail(limits, email, "203.0.113.9").catch(() => undefined);
    // 500 refused guesses later, the per-account budget has lost only the 10 that were let through.
    await expect(assertSignInAllowed(limits, email, "198.51.100.5")).resolves.toBeUndefined();
  });

  it("counts failures only: successful sign-ins give their attempt back", async () => {
    const limits = limiter();
    for (let attempt = 0; attempt < 50; attempt++) {
      await spendSignInAttempt(limits, "busy@example.test", "192.0.2.1");
      await refundSignInAttempt(limits, "busy@example.test", "192.0.2.1");
    }
    await expect(spendSignInAttempt(limits, "busy@example.test", "192.0.2.1")).resolves.toBeUndefined();
  });
});

describe("the address a limit counts", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff::", "2001:db8:1:2::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::ffff:198.51.100.4", "0:0:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (address, key) => {
    expect(rateLimitAddress(address)).toBe(key);
  });

  it("puts every address of one IPv6 /64 into one sign-in budget", async () => {
    const limits = createRateLimiter(createMemoryStore(), createMemoryStore());
    for (let host = 1; host <= 10; host++)
      await fail(limits, "owner@example.test", `2001:db8:7:7::${host.toString(16)}`);
    await expect(fail(limits, "owner@example.test", "2001:db8:7:7::beef")).rejects.toBeInstanceOf(RateLimitExceeded);
    await expect(spendSignInAttempt(limits, "owner@example.test", "2001:db8:7:8::1")).resolves.toBeUndefined();
  });
});
