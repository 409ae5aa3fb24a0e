import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signedInApi, trpc } from "./lib/api-shopper";
import { fetchPage, type FetchedPage } from "./lib/page-html";
import { restClient } from "./lib/rest-client";
import { e2eBaseURL as baseURL } from "./lib/server-env";
import { ADMIN } from "./support";

// This server's public origin (AUTH_URL) is its baseURL: every absolute address below is on it.
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// A link-preview crawler that runs no JavaScript: it reads the <head> of whatever it is served.
const PREVIEW_CRAWLER = { "user-agent": "Twitterbot/1.0" };

interface JsonLdNode {
  "@type": string;
  name?: string;
  offers?: { price: string; priceCurrency: string; availability: string };
  itemListElement?: { position: number; name: string; item: string }[];
}

let admin: APIRequestContext;

test.beforeAll(async () => {
  admin = await signedInApi(baseURL, ADMIN);
});

test.afterAll(async () => {
  await admin.dispose();
});

/** Every product on sale, paged through the REST API as any client would. */
async function slugsOnSale(): Promise<string[]> {
  const client = restClient(baseURL);
  const slugs: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await client.GET("/products", { params: { query: { limit: 100, cursor } } });
    if (!data) throw new Error(`GET /products answered ${JSON.stringify(error)}`);
    slugs.push(...data.items.map((product) => product.slug));
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return slugs;
}

/** The attributes of every tag of a kind in an HTML fragment (Next writes them with double quotes). */
function tagsIn(html: string, tag: "meta" | "link"): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, "g"))].map((match) => {
    const attributes: Record<string, string> = {};
    for (const [, key, value] of match[0].matchAll(/([a-z:-]+)="([^"]*)"/g)) {
      if (key && value !== undefined) attributes[key] = value;
    }
    return attributes;
  });
}

/** What a crawler reading only the head learns of a page: canonical address, Open Graph and Twitter card. */
function headOf(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  const metas = tagsIn(head, "meta");
  const meta = (key: string) => metas.find((tag) => tag.property === key || tag.name === key)?.content;
  const canonical = tagsIn(head, "link").find((tag) => tag.rel === "canonical")?.href;
  return { meta, canonical };
}

/** An absolute address, normalised (Next writes the home page's as the bare origin); a relative one fails. */
function absolute(address: string | undefined): string {
  return new URL(address ?? "").href;
}

const onThisServer = (path: string) => new URL(path, baseURL).href;

async function expectPng(url: string): Promise<void> {
  const answer = await fetch(url);
  expect(answer.status, url).toBe(200);
  expect(answer.headers.get("content-type"), url).toBe("image/png");
  expect([...new Uint8Array(await answer.arrayBuffer()).subarray(0, 8)], url).toEqual(PNG_SIGNATURE);
}

test("sitemap.xml lists the catalog, every category and every product on sale, with absolute addresses", async ({
  request,
}) => {
  const answer = await request.get("/sitemap.xml");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("xml");
  const xml = await answer.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(locs).toContain(`${baseURL}/`);
  expect(locs).toContain(`${baseURL}/c/kitchen`);

  const listed = locs.filter((loc) => loc?.startsWith(`${baseURL}/products/`));
  const onSale = await slugsOnSale();
  expect(onSale.length).toBeGreaterThanOrEqual(30);
  expect([...listed].sort()).toEqual(onSale.map((slug) => `${baseURL}/products/${slug}`).sort());
  // Each product says when it last changed.
  const productEntries = [...xml.matchAll(/<url>\s*<loc>[^<]*\/products\/[^<]*<\/loc>\s*<lastmod>([^<]+)</g)];
  expect(productEntries).toHaveLength(onSale.length);
  for (const [, lastmod] of productEntries) expect(Number.isNaN(Date.parse(lastmod ?? ""))).toBe(false);
});

test("robots.txt opens the catalog, closes private pages and names the sitemap", async ({ request }) => {
  const answer = await request.get("/robots.txt");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("text/plain");
  const lines = (await answer.text()).split("\n").map((line) => line.trim());
  expect(lines).toContain("User-Agent: *");
  expect(lines).toContain("Allow: /");
  for (const path of ["/admin", "/account", "/orders", "/cart", "/checkout", "/api", "/test-provider", "/dev"]) {
    expect(lines).toContain(`Disallow: ${path}`);
  }
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("a product page's structured data says what the page shows: price, currency, stock", async ({ page }) => {
  // Sold out, and named by an admin who tried to break out of the script it is written into.
  const name = `Sold-out Lamp </script><script>alert("ld")</script>`;
  const soldOut = `sold-out-lamp-${randomUUID().slice(0, 8)}`;
  await trpc(admin, "admin.products.create", {
    name,
    slug: soldOut,
    description: "A lamp nobody can buy, for the structured data test.",
    priceCents: 123_456,
    stock: 0,
  });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  for (const slug of ["stoneware-mug", "weekender-duffel", soldOut]) {
    await page.goto(`/products/${slug}`);
    const shownPrice = (await page.getByTestId("product-price").textContent()) ?? "";
    const shownStock = (await page.getByTestId("product-stock").textContent()) ?? "";
    const shownName = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";

    const scripts = page.locator('script[type="application/ld+json"]');
    await expect(scripts).toHaveCount(1);
    const graph = (JSON.parse((await scripts.textContent()) ?? "") as { "@graph": JsonLdNode[] })["@graph"];
    const product = graph.find((node) => node["@type"] === "Product");
    expect(product?.name, slug).toBe(shownName);
    expect(product?.offers?.priceCurrency, slug).toBe("USD");
    expect(`$${Number(product?.offers?.price).toLocaleString("en-US", { minimumFractionDigits: 2 })}`, slug).toBe(
      shownPrice,
    );
    expect(product?.offers?.price, slug).toMatch(/^\d+\.\d{2}$/);
    expect(product?.offers?.availability, slug).toBe(
      shownStock.includes("Sold out") ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
    );

    const trail = graph.find((node) => node["@type"] === "BreadcrumbList")?.itemListElement ?? [];
    expect(trail.at(0)?.item, slug).toBe(`${baseURL}/`);
    expect(trail.at(-1)).toMatchObject({ name: shownName, item: `${baseURL}/products/${slug}` });
  }
  expect(await page.getByTestId("product-stock").textContent()).toContain("Sold out");
  expect(await page.getByTestId("product-price").textContent()).toBe("$1,234.56");
  expect(dialogs).toEqual([]);
});

/** The page cache's copy of a page (a catalog change a moment ago may have dropped it: it is made again). */
async function cachedCopy(url: string, headers: Record<string, string> = {}): Promise<FetchedPage> {
  let copy = await fetchPage(url, headers);
  await expect.poll(async () => (copy = await fetchPage(url, headers)).cache, { message: url }).toBe("hit");
  return copy;
}

test("the cached product page carries its structured data, and each copy gives it the copy's nonce", async () => {
  const path = `${baseURL}/products/stoneware-mug`;
  const [first, second] = [await cachedCopy(path), await cachedCopy(path)];
  expect(first.nonce).not.toBe(second.nonce);
  for (const copy of [first, second]) {
    expect(copy.html).toContain(`<script type="application/ld+json" nonce="${copy.nonce}">`);
  }
});

test("shared links name the plain page and show a PNG preview, in the head a crawler reads", async () => {
  const pages = [
    { path: "/products/stoneware-mug", preview: "/previews/products/stoneware-mug.png", title: "Stoneware Mug" },
    { path: "/c/kitchen", preview: "/previews/shop.png", title: "Kitchen" },
    { path: "/", preview: "/previews/shop.png", title: "Storefront" },
  ];
  for (const { path, preview, title } of pages) {
    // The copy the page cache serves to everyone, crawlers included.
    const copy = await cachedCopy(`${baseURL}${path}`, PREVIEW_CRAWLER);
    const { meta, canonical } = headOf(copy.html);
    expect(absolute(canonical), path).toBe(onThisServer(path));
    expect(absolute(meta("og:url")), path).toBe(onThisServer(path));
    expect(meta("og:title"), path).toBe(title);
    expect(meta("og:description"), path).toBeTruthy();
    expect(meta("description"), path).toBeTruthy();
    expect(meta("og:image"), path).toBe(`${baseURL}${preview}`);
    expect(meta("twitter:card"), path).toBe("summary_large_image");
    expect(meta("twitter:image"), path).toBe(`${baseURL}${preview}`);
    await expectPng(`${baseURL}${preview}`);
  }

  // Search, sort and filter variants are the same page to a search engine.
  for (const [variant, plain] of [
    ["/?q=mug&sort=price_asc", "/"],
    ["/c/kitchen?sort=name&inStock=1", "/c/kitchen"],
  ] as const) {
    const { canonical } = headOf((await fetchPage(`${baseURL}${variant}`, PREVIEW_CRAWLER)).html);
    expect(absolute(canonical), variant).toBe(onThisServer(plain));
  }

  expect((await fetch(`${baseURL}/previews/products/no-such-product.png`)).status).toBe(404);
});
