import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { visitorState } from "@/server/auth/visitor-state";
import { endSession } from "@/server/domain/sessions/sessions";
import { CLIENT_ADDRESS_HEADER } from "@/server/http/client-ip";
import { createDocumentCache, type DocumentCache, type RenderRequest } from "../server/document-cache";
import { callerFor, createCustomer } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { sessionCookieFor } from "./support/sessions";
import { insertProduct } from "./support/shop-fixtures";

// The cache in front of a stand-in for Next.js (a render function that writes its nonce where Next
// would), judging signed-in visits by real sessions and carts in a test database.
let database: TestDatabase;
let renders: RenderRequest[] = [];
let answerWith: (render: RenderRequest) => Response;
let gate: Promise<void> = Promise.resolve();
let cache: DocumentCache;
let server: http.Server;
let origin: string;

function page(render: RenderRequest, text = "Catalog", init: ResponseInit = {}): Response {
  const html = `<html><script nonce="${render.nonce}">boot()</script><p>${text}</p><script nonce="${render.nonce}"></script></html>`;
  return new Response(html, {
    status: 200,
    ...init,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `script-src 'self' 'nonce-${render.nonce}' 'strict-dynamic'`,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = http.createServer((req, res) => {
    if (cache.serves(req)) {
      void cache.answer(req, res, async () => {
        res.writeHead(200, { "x-answered-by": "next" });
        res.end("rendered by Next");
      });
    } else {
      res.writeHead(200, { "x-answered-by": "next" });
      res.end("rendered by Next");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cache = createDocumentCache({
    render: async (render) => {
      renders.push(render);
      await gate;
      return answerWith(render);
    },
    visitorState: (sessionId) => visitorState(database.db, sessionId),
    ttlMs: 60_000,
    maxBytes: 1024 * 1024,
    hosts: [new URL(origin).host],
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await database.dispose();
});

beforeEach(() => {
  renders = [];
  answerWith = (render) => page(render);
  gate = Promise.resolve();
  cache.setActive(true);
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}${path}`, { headers });
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return { response, nonce, body: await response.text() };
}

describe("document cache", () => {
  it("renders a page once and serves every copy with a fresh nonce in the policy and on every script", async () => {
    const copies = await Promise.all([get("/"), get("/"), get("/")]);
    expect(renders).toHaveLength(1);
    const nonces = new Set(copies.map((copy) => copy.nonce));
    expect(nonces.size).toBe(3);
    for (const copy of copies) {
      expect(copy.body.match(/nonce="[^"]+"/g)).toEqual([`nonce="${copy.nonce}"`, `nonce="${copy.nonce}"`]);
      expect(copy.body).not.toContain(renders[0]!.nonce);
    }
    expect((await get("/")).response.headers.get("x-document-cache")).toBe("hit");
  });

  it("leaves bearer tokens, dead sessions, query strings, client navigations, other pages and writes to Next", async () => {
    const cases: [string, Record<string, string>][] = [
      ["/", { cookie: "authjs.session-token=abc" }],
      ["/orders", { cookie: "__Secure-authjs.session-token=abc" }],
      ["/", { authorization: "Bearer sf_token" }],
      ["/?q=mug", {}],
      ["/products/mug", { rsc: "1" }],
      ["/cart", {}],
      ["/orders", {}],
    ];
    for (const [path, headers] of cases) {
      const { response } = await get(path, headers);
      expect(response.headers.get("x-answered-by"), `${path} ${JSON.stringify(headers)}`).toBe("next");
    }
    const post = await fetch(`${origin}/`, { method: "POST", body: "x" });
    expect(post.headers.get("x-answered-by")).toBe("next");
    expect(renders).toHaveLength(0);
  });

  it("keeps one entry per host, and other cookies do not make a visitor someone", async () => {
    await get("/products/mug", { cookie: "theme=dark" });
    await get("/products/mug");
    expect(renders.map((render) => [render.host, render.path])).toEqual([[new URL(origin).host, "/products/mug"]]);
  });

  it("drops everything on a catalog change, and a render begun before it is served but not kept", async () => {
    await get("/");
    cache.invalidate();
    let open: () => void = () => undefined;
    gate = new Promise((resolve) => (open = resolve));
    answerWith = (render) => page(render, "Before the change");
    const during = get("/");
    await expect.poll(() => renders.length).toBe(2);
    cache.invalidate();
    open();
    expect((await during).body).toContain("Before the change");
    gate = Promise.resolve();
    answerWith = (render) => page(render, "After the change");
    expect((await get("/")).body).toContain("After the change");
    expect(renders).toHaveLength(3);
  });

  it("serves a 404 to those who asked without keeping it, and never shares a render that sets a cookie", async () => {
    answerWith = (render) => page(render, "Not found", { status: 404 });
    expect((await get("/products/gone")).response.status).toBe(404);
    expect((await get("/products/gone")).response.status).toBe(404);
    expect(renders).toHaveLength(2);

    answerWith = (render) => page(render, "Personal", { headers: { "set-cookie": "a=b" } });
    const { response, body } = await get("/products/cookie");
    expect(response.headers.get("x-answered-by")).toBe("next");
    expect(body).toBe("rendered by Next");
  });

  it("falls back to Next when a render fails, and serves nothing while inactive", async () => {
    answerWith = () => {
      throw new Error("server closing");
    };
    expect((await get("/products/broken")).body).toBe("rendered by Next");
    cache.setActive(false);
    expect((await get("/")).response.headers.get("x-answered-by")).toBe("next");
  });

  it("never keeps a page whose boundary failed after the 200, nor shares one that failed outright", async () => {
    answerWith = (render) =>
      page(render, '<!--$!--><template data-dgst="1234567"></template><footer>Footer only</footer>');
    expect((await get("/c/mugs")).body).toBe("rendered by Next");
    expect((await get("/c/mugs")).body).toBe("rendered by Next");
    expect(renders).toHaveLength(2);

    answerWith = (render) => page(render, "Too many requests", { status: 500 });
    expect((await get("/products/limited")).body).toBe("rendered by Next");
    answerWith = (render) => page(render, "Whole again");
    expect((await get("/c/mugs")).body).toContain("Whole again");
    expect((await get("/c/mugs")).response.headers.get("x-document-cache")).toBe("hit");
  });

  it("caches the shop's own host only: any other Host header goes to Next and takes no room", async () => {
    const answers = await Promise.all(
      ["evil.example", "127.0.0.1:1", "a.example"].map(
        (host) =>
          new Promise<string | undefined>((resolve, reject) => {
            const request = http.get(`${origin}/`, { headers: { host } }, (response) => {
              response.resume();
              response.on("end", () => resolve(response.headers["x-answered-by"] as string | undefined));
            });
            request.on("error", reject);
          }),
      ),
    );
    expect(answers).toEqual(["next", "next", "next"]);
    expect(renders).toHaveLength(0);
  });

  it("renders on behalf of the visitor whose miss caused it, with the address the server signed for them", async () => {
    await get("/products/for-ada", { [CLIENT_ADDRESS_HEADER]: "192.0.2.7 signature" });
    expect(renders.map((render) => render.client)).toEqual(["192.0.2.7 signature"]);
  });

  it("gzips copies for clients that accept it", async () => {
    const response = await fetch(`${origin}/products/zipped`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("Catalog");
  });

  describe("signed-in visitors", () => {
    async function visitor() {
      const actor = await createCustomer(database.db);
      const session = await sessionCookieFor(database.db, actor.id);
      return { ...session, cart: callerFor(database.db, actor).cart };
    }

    beforeEach(() => {
      answerWith = (render) => page(render, render.cookie ? `Hello ${render.cookie.slice(-12)}` : "Catalog");
    });

    it("get copies of their own render, made with their session cookie alone, kept per session", async () => {
      const [ada, bob] = [await visitor(), await visitor()];
      await get("/orders", { cookie: `theme=dark; ${ada.cookie}` });
      const again = await get("/orders", { cookie: ada.cookie });
      expect(again.response.headers.get("x-document-cache")).toBe("hit");
      expect(again.body).toContain(`Hello ${ada.cookie.slice(-12)}`);
      expect(renders.map((render) => render.cookie)).toEqual([ada.cookie]);

      const theirs = await get("/orders", { cookie: bob.cookie });
      expect(theirs.response.headers.get("x-document-cache")).toBe("miss");
      expect(theirs.body).toContain(`Hello ${bob.cookie.slice(-12)}`);
      expect(theirs.body).not.toContain(ada.cookie.slice(-12));

      // The anonymous copy and a signed-in one of the same page never stand in for each other.
      const anonymous = await get("/");
      const signedIn = await get("/", { cookie: ada.cookie });
      expect(anonymous.body).toContain("Catalog");
      expect(signedIn.body).toContain(`Hello ${ada.cookie.slice(-12)}`);
      expect(renders.map((render) => [render.path, render.cookie])).toEqual([
        ["/orders", ada.cookie],
        ["/orders", bob.cookie],
        ["/", null],
        ["/", ada.cookie],
      ]);
    });

    it("are served a copy only while what it shows of them is unchanged, and nothing once signed out", async () => {
      const ada = await visitor();
      const product = await insertProduct(database.db, { stock: 5 });
      await get("/orders", { cookie: ada.cookie });
      expect((await get("/orders", { cookie: ada.cookie })).response.headers.get("x-document-cache")).toBe("hit");

      await ada.cart.setItem({ productId: product.id, quantity: 2 });
      const afterCart = await get("/orders", { cookie: ada.cookie });
      expect(afterCart.response.headers.get("x-document-cache")).toBe("miss");
      expect(renders).toHaveLength(2);

      await endSession(database.db, ada.sessionId);
      const signedOut = await get("/orders", { cookie: ada.cookie });
      expect(signedOut.response.headers.get("x-answered-by")).toBe("next");
      expect(renders).toHaveLength(2);
    });

    it("lose their copies on a catalog change too: a cart shows its products' details", async () => {
      const ada = await visitor();
      await get("/products/mug", { cookie: ada.cookie });
      cache.invalidate();
      expect((await get("/products/mug", { cookie: ada.cookie })).response.headers.get("x-document-cache")).toBe(
        "miss",
      );
      expect(renders).toHaveLength(2);
    });
  });
});
