import { Redis } from "ioredis";
import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { credentialsSignIn } from "../lib/raw-http";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// Sign-in limits at their real values, on two instances sharing one store: first the database, then Redis.
const REDIS_URL = "redis://127.0.0.1:6379/10";
const OWNER = { email: "shopper@storefront.test", password: "storefront-demo" };
const forgeries = (attempt: number) => ({
  "x-forwarded-for": `198.51.100.${attempt}`,
  "x-real-ip": `198.51.100.${attempt}`,
  forwarded: `for=198.51.100.${attempt}`,
});

for (const store of ["PostgreSQL", "Redis"] as const) {
  test.describe(`sign-in limits shared through ${store}`, () => {
    let database: E2EDatabase;
    let instances: Instance[] = [];

    test.beforeAll(async () => {
      database = await createE2EDatabase();
      const env = { RATE_LIMIT_SCALE: "1", ...(store === "Redis" ? { REDIS_URL } : {}) };
      if (store === "Redis") {
        const redis = new Redis(REDIS_URL);
        await redis.flushdb();
        await redis.quit();
      }
      const port = store === "Redis" ? 3113 : 3111;
      instances = [
        await startInstance({ port, databaseUrl: database.url, env }),
        await startInstance({ port: port + 1, databaseUrl: database.url, env }),
      ];
    });

    test.afterAll(async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      await database?.drop();
    });

    test("the 11th failed sign-in for one email within a minute gets 429 with Retry-After, whichever instance and whatever headers", async () => {
      const wrong = { email: OWNER.email, password: "not the password" };
      for (let attempt = 0; attempt < 10; attempt++) {
        const instance = instances[attempt % 2] ?? instances[0]!;
        const response = await credentialsSignIn(instance.baseURL, wrong, { headers: forgeries(attempt) });
        expect(response.status, `attempt ${attempt + 1}`).toBe(302);
        expect(response.headers.location).toMatch(/error=CredentialsSignin/);
      }
      for (const instance of instances) {
        const refused = await credentialsSignIn(instance.baseURL, wrong, { headers: forgeries(99) });
        expect(refused.status).toBe(429);
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
        expect(JSON.parse(refused.body)).toMatchObject({
          code: "TOO_MANY_REQUESTS",
          details: { retryAfterSeconds: expect.any(Number) },
        });
      }
      // The right password from the attacked address is refused too: the budget is spent there.
      expect((await credentialsSignIn(instances[0]!.baseURL, OWNER)).status).toBe(429);
    });

    test("the owner signs in from another address while the attack is refused", async () => {
      const fromElsewhere = await credentialsSignIn(instances[1]!.baseURL, OWNER, { localAddress: "127.0.0.2" });
      expect(fromElsewhere.status).toBe(302);
      expect(fromElsewhere.headers.location).not.toMatch(/error=/);
      expect(String(fromElsewhere.headers["set-cookie"])).toMatch(/authjs\.session-token=/);
    });
  });
}
