import { CATALOG_PAGE_SIZE } from "@/lib/catalog-params";
import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { rawRequest, type RawResponse } from "../lib/raw-http";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";

// The page cache at the real rate limits (RATE_LIMIT_SCALE=1): a render is charged to the visitor whose
// miss caused it, so one address requesting hundreds of pages that never cache cannot spend the reads
// every other visitor's render needs, and a broken render is never what the cache serves.
let database: E2EDatabase;
let instance: Instance;

const PORT = 3151;
const cards = (page: RawResponse) => page.body.match(/data-testid="product-card"/g)?.length ?? 0;

test.beforeAll(async () => {
  database = await createE2EDatabase();
  instance = await startInstance({ port: PORT, databaseUrl: database.url, env: { RATE_LIMIT_SCALE: "1" } });
});

test.afterAll(async () => {
  await instance?.stop();
  await database?.drop();
});

test("600 unknown product pages from one address leave the home page whole for the next visitor", async () => {
  test.setTimeout(120_000);
  const statuses = new Map<number, number>();
  const slugs = Array.from({ length: 600 }, (_, index) => `nx-${index}`);
  // Eight at a time from 127.0.0.1, as fast as the server answers.
  for (let from = 0; from < slugs.length; from += 8) {
    const answers = await Promise.all(
      slugs.slice(from, from + 8).map((slug) => rawRequest(`${instance.baseURL}/products/${slug}`)),
    );
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  }
  // The attacker spent their own reads: some of their pages were refused, none of anyone else's.
  expect(statuses.get(404) ?? 0).toBeGreaterThan(0);

  const home = await rawRequest(`${instance.baseURL}/`, { localAddress: "127.0.0.2" });
  expect(home.status).toBe(200);
  expect(home.body).not.toContain("<!--$!-->");
  expect(cards(home)).toBe(CATALOG_PAGE_SIZE);

  // The copy the cache now holds, served to a third visitor, is the whole page too.
  const copy = await rawRequest(`${instance.baseURL}/`, { localAddress: "127.0.0.3" });
  expect(copy.headers["x-document-cache"]).toBe("hit");
  expect(cards(copy)).toBe(cards(home));

  // The attacker's own next page fails only for them: another address still gets a category page.
  const category = await rawRequest(`${instance.baseURL}/c/kitchen`, { localAddress: "127.0.0.4" });
  expect(category.status).toBe(200);
  expect(category.body).not.toContain("<!--$!-->");
  expect(cards(category)).toBeGreaterThan(0);
});

test("a Host header that is not the shop's is answered uncached, and a malformed one is a 400", async () => {
  const logBefore = instance.output().length;
  const foreign = await rawRequest(`${instance.baseURL}/`, {
    headers: { host: "evil.example" },
    localAddress: "127.0.0.5",
  });
  expect(foreign.headers["x-document-cache"]).toBeUndefined();

  for (const path of ["/", "/api/v1/categories"]) {
    const malformed = await rawRequest(`${instance.baseURL}${path}`, { headers: { host: "a b" } });
    expect(malformed.status, path).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ code: "BAD_REQUEST" });
  }
  // The tRPC face answers in tRPC's envelope.
  const trpcRead = await rawRequest(`${instance.baseURL}/api/trpc/catalog.categories`, { headers: { host: "a b" } });
  expect(trpcRead.status).toBe(400);
  expect(JSON.parse(trpcRead.body)).toMatchObject({ error: { data: { code: "BAD_REQUEST", httpStatus: 400 } } });
  expect(instance.output().slice(logBefore)).not.toMatch(/"level":(50|60)/);
});
