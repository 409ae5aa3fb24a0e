import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { credentialsSignIn, rawRequest } from "../lib/raw-http";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// Under Next's own server (`next start`, as on Vercel) nothing of ours records the TCP peer. The header
// npm start's server sets must not be honoured there when a caller sends it: with no CLIENT_IP_HEADER
// every caller shares one bucket, and the server says so once at start.
let database: E2EDatabase;
let instance: Instance;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  instance = await startInstance({
    port: 3161,
    databaseUrl: database.url,
    server: "next-start",
    env: { RATE_LIMIT_SCALE: "1" },
  });
});

test.afterAll(async () => {
  await instance?.stop();
  await database?.drop();
});

test("says at start that client addresses are unknown without CLIENT_IP_HEADER", () => {
  const warnings = instance.output().match(/client addresses are unknown/g) ?? [];
  expect(warnings).toHaveLength(1);
});

test("a caller's own x-storefront-peer or x-storefront-client header does not buy a fresh sign-in budget", async () => {
  const forged = (attempt: number) => ({
    "x-storefront-peer": `198.51.100.${attempt}`,
    "x-storefront-client": `198.51.100.${attempt}`,
  });
  // A different account each time, so only the per-address budget (10 failures) can refuse.
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await credentialsSignIn(
      instance.baseURL,
      { email: `nobody-${attempt}@example.com`, password: "not the password" },
      { headers: forged(attempt) },
    );
    expect(response.status, `attempt ${attempt + 1}`).toBe(302);
  }
  const refused = await credentialsSignIn(
    instance.baseURL,
    { email: "nobody-10@example.com", password: "not the password" },
    { headers: forged(10) },
  );
  expect(refused.status).toBe(429);
});

test("a malformed Host header is never a server error", async () => {
  const malformed = await rawRequest(`${instance.baseURL}/api/trpc/catalog.categories`, { headers: { host: "a b" } });
  expect(malformed.status).toBeLessThan(500);
  expect(instance.output()).not.toMatch(/"level":(50|60)/);
});
