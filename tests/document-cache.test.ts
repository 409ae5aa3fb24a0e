import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDocumentCache, type DocumentCache } from "../server/document-cache";

// The cache in front of a stand-in for Next.js: a render function that writes its nonce where Next would.
interface Render {
  host: string;
  path: string;
  nonce: string;
}

let renders: Render[] = [];
let answerWith: (render: Render) => Response;
let gate: Promise<void> = Promise.resolve();
let cache: DocumentCache;
let server: http.Server;
let origin: string;

function page(render: Render, text = "Catalog", init: ResponseInit = {}): Response {
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
  cache = createDocumentCache({
    render: async (host, path, nonce) => {
      const render = { host, path, nonce };
      renders.push(render);
      await gate;
      return answerWith(render);
    },
    ttlMs: 60_000,
    maxEntries: 10,
  });
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
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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

  it("leaves signed-in visitors, bearer tokens, query strings, client navigations and writes to Next", async () => {
    const cases: [string, Record<string, string>][] = [
      ["/", { cookie: "authjs.session-token=abc" }],
      ["/", { cookie: "__Secure-authjs.session-token=abc" }],
      ["/", { authorization: "Bearer sf_token" }],
      ["/?q=mug", {}],
      ["/products/mug", { rsc: "1" }],
      ["/cart", {}],
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

  it("gzips copies for clients that accept it", async () => {
    const response = await fetch(`${origin}/products/zipped`, { headers: { "accept-encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toContain("Catalog");
  });
});
