import http from "node:http";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { startInstance, type Instance } from "../lib/instance";
import { createE2EDatabase, type E2EDatabase } from "../lib/test-database";
import { SHOPPER } from "../support";

// A partner's web app on another origin, allowed by CORS_ALLOWED_ORIGINS, and a site that is not: two
// small servers of this test on loopback (Chromium refuses pages from elsewhere access to local addresses).
const PARTNER = "http://127.0.0.1:3998";
const STRANGER = "http://127.0.0.1:3999";
const sites: http.Server[] = [];

function serveBlankPage(port: number): Promise<void> {
  const site = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><title>another site</title>");
  });
  sites.push(site);
  return new Promise((resolve) => site.listen(port, "127.0.0.1", resolve));
}

let database: E2EDatabase;
let server: Instance;
let token: string;

test.beforeAll(async () => {
  await Promise.all([serveBlankPage(3998), serveBlankPage(3999)]);
  database = await createE2EDatabase();
  server = await startInstance({ port: 3104, databaseUrl: database.url, env: { CORS_ALLOWED_ORIGINS: PARTNER } });
  const issued = await fetch(`${server.baseURL}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(SHOPPER),
  });
  token = ((await issued.json()) as { token: string }).token;
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
  for (const site of sites) site.close();
});

/** A page of another site, whose scripts then call the app's server. */
async function pageOn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
}

interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What a script on the page gets from a cross-origin call: the status, or "blocked" when CORS stops it. */
function callFromPage(page: Page, url: string, init: Call) {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, init);
        return { status: response.status, requestId: response.headers.get("x-request-id") };
      } catch {
        return { status: "blocked" as const, requestId: null };
      }
    },
    { url, init },
  );
}

test("an allowed origin's page calls both faces with a bearer token; another origin's page is blocked", async ({
  page,
}) => {
  const calls: { url: string; init: Call; expected?: number }[] = [
    { url: `${server.baseURL}/api/v1/products?limit=1`, init: {} },
    { url: `${server.baseURL}/api/v1/cart`, init: { headers: { authorization: `Bearer ${token}` } } },
    {
      url: `${server.baseURL}/api/v1/cart/items/00000000-0000-4000-8000-00000000abcd`,
      init: {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ quantity: 1 }),
      },
      // An unknown product: the answer (404) is readable, which is the point.
      expected: 404,
    },
    { url: `${server.baseURL}/api/trpc/catalog.list?input=%7B%7D`, init: {} },
    {
      url: `${server.baseURL}/api/trpc/cart.clear`,
      init: { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } },
    },
  ];

  await pageOn(page, PARTNER);
  for (const call of calls) {
    const answer = await callFromPage(page, call.url, call.init);
    expect(answer.status, `${PARTNER} → ${call.url}`).toBe(call.expected ?? 200);
    // Exposed headers are readable too.
    expect(answer.requestId, call.url).toMatch(/^[\w.:-]{8,}$/);
  }

  await pageOn(page, STRANGER);
  for (const call of calls) {
    expect((await callFromPage(page, call.url, call.init)).status, `${STRANGER} → ${call.url}`).toBe("blocked");
  }
});

test("preflights grant the allowed origin only, and every API answer varies by Origin", async () => {
  for (const path of ["/api/v1/cart", "/api/trpc/cart.setItem"]) {
    const allowed = await fetch(`${server.baseURL}${path}`, {
      method: "OPTIONS",
      headers: {
        origin: PARTNER,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(allowed.status, path).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin"), path).toBe(PARTNER);
    expect(allowed.headers.get("access-control-allow-credentials"), path).toBe("true");
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase(), path).toContain("authorization");

    const refused = await fetch(`${server.baseURL}${path}`, {
      method: "OPTIONS",
      headers: { origin: STRANGER, "access-control-request-method": "POST" },
    });
    expect(refused.headers.get("access-control-allow-origin"), path).toBeNull();
  }
  // Refused before Next.js (here an address over 8 KiB): the allowed origin can still read why.
  const tooLong = await fetch(`${server.baseURL}/api/v1/products?q=${"a".repeat(9_000)}`, {
    headers: { origin: PARTNER },
  });
  expect(tooLong.status).toBe(414);
  expect(tooLong.headers.get("access-control-allow-origin")).toBe(PARTNER);
  expect(await tooLong.json()).toMatchObject({ code: "URI_TOO_LONG" });

  for (const path of ["/api/v1/products?limit=1", "/api/trpc/catalog.list?input=%7B%7D"]) {
    const answer = await fetch(`${server.baseURL}${path}`, { headers: { origin: STRANGER } });
    expect(answer.headers.get("vary")?.toLowerCase(), path).toContain("origin");
    expect(answer.headers.get("access-control-allow-origin"), path).toBeNull();
  }
});
