import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimiterFor } from "@/server/http/rate-limit/app-limiter";
import { spendSignInAttempt } from "@/server/http/rate-limit/limiter";
import { rateLimitPolicies } from "@/server/http/rate-limit/policies";
import { callerFor, createCustomer, expectTrpcError } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";

// Changing the password checks the current one: with a live cookie that is a way to guess it, so it
// spends from the sign-in failure budgets, keyed the same way (the /64 network, the account).
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

const PASSWORD = "correct horse battery";
const perAccountAndAddress = rateLimitPolicies.signInFailuresPerAccountAndAddress.limit;

function guess(actor: Awaited<ReturnType<typeof createCustomer>>, clientIp: string, currentPassword = "not it at all") {
  return callerFor(database.db, actor, { clientIp }).account.changePassword({
    currentPassword,
    newPassword: "a brand new password",
  });
}

describe("password guessing through password change", () => {
  it("counts every address of one IPv6 /64 as one, like sign-in does", async () => {
    const owner = await createCustomer(database.db);
    for (let attempt = 1; attempt <= perAccountAndAddress; attempt++) {
      await expectTrpcError(guess(owner, `2001:db8:77:1::${attempt.toString(16)}`), "BAD_REQUEST");
    }
    await expectTrpcError(guess(owner, "2001:db8:77:1::ffff"), "TOO_MANY_REQUESTS");
    // The right password from that network waits too: the budget is spent there, not the owner's elsewhere.
    await expectTrpcError(guess(owner, "2001:db8:77:1::abcd", PASSWORD), "TOO_MANY_REQUESTS");
    await expect(guess(owner, "203.0.113.90", PASSWORD)).resolves.toMatchObject({ otherSessionsEnded: 0 });
  });

  it("draws from the same budget as failed sign-ins for the account", async () => {
    const owner = await createCustomer(database.db);
    const limiter = rateLimiterFor(database.db);
    for (let attempt = 0; attempt < perAccountAndAddress; attempt++) {
      await spendSignInAttempt(limiter, owner.email, "203.0.113.91");
    }
    await expectTrpcError(guess(owner, "203.0.113.91"), "TOO_MANY_REQUESTS");
  });

  it("counts only wrong passwords: a change that succeeds, or fails for another reason, gives its attempt back", async () => {
    const owner = await createCustomer(database.db);
    for (let attempt = 0; attempt < perAccountAndAddress + 2; attempt++) {
      // A password everyone uses is refused for what it is, not counted as a guess.
      await expectTrpcError(
        callerFor(database.db, owner, { clientIp: "203.0.113.92" }).account.changePassword({
          currentPassword: PASSWORD,
          newPassword: "password123",
        }),
        "BAD_REQUEST",
      );
    }
    await expect(guess(owner, "203.0.113.92", PASSWORD)).resolves.toMatchObject({ otherSessionsEnded: 0 });
  });
});
