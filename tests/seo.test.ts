import { eq, sql } from "drizzle-orm";
// Next's own serialisers for robots.txt and sitemap.xml, so the tests read the text crawlers get.
import { resolveRobots, resolveSitemap } from "next/dist/build/webpack/loaders/metadata/resolve-route-data";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JsonLdScript } from "@/components/seo/json-ld-script";
import { decimalAmount, formatMoney } from "@/lib/money";
import { productPreviewUrl, shopPreview } from "@/lib/pictures/preview-url";
import { jsonLdText } from "@/lib/seo/json-ld";
import { pageMetadata, summarise } from "@/lib/seo/page-metadata";
import { productJsonLd, type ProductJsonLdInput } from "@/lib/seo/product-json-ld";
import { disallowedPaths, robotsRules } from "@/lib/seo/robots-rules";
import { sitemapEntries } from "@/lib/seo/sitemap-entries";
import { demoCategories, demoProducts } from "@/server/db/demo-data";
import { categories, products } from "@/server/db/schema";
import { seedDemoData } from "@/server/db/seed";
import { callerFor } from "./support/callers";
import { createTestDatabase, type TestDatabase } from "./support/database";

const origin = "https://shop.example";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  await database.db.insert(products).values({
    slug: "archived-lamp",
    name: "Archived Lamp",
    priceCents: 100,
    stock: 5,
    active: false,
  });
  await database.db.insert(categories).values({ slug: "empty-shelf", name: "Empty Shelf", position: 99 });
});

afterAll(() => database.dispose());

async function setUpdatedAt(slug: string, iso: string): Promise<void> {
  // Plain SQL, so drizzle's $onUpdate cannot put now() in its place.
  await database.db.execute(sql`update products set updated_at = ${iso} where slug = ${slug}`);
}

describe("sitemap", () => {
  it("lists the home page, every category and every product on sale, at absolute addresses", async () => {
    const entries = sitemapEntries(await callerFor(database.db, null).catalog.sitemap(), origin);
    const urls = entries.map((entry) => entry.url);
    expect(urls[0]).toBe(`${origin}/`);
    for (const category of [...demoCategories, { slug: "empty-shelf" }])
      expect(urls).toContain(`${origin}/c/${category.slug}`);
    const productUrls = urls.filter((url) => url.startsWith(`${origin}/products/`));
    const active = await database.db.select({ slug: products.slug }).from(products).where(eq(products.active, true));
    expect(productUrls.sort()).toEqual(active.map((row) => `${origin}/products/${row.slug}`).sort());
    expect(productUrls).toHaveLength(demoProducts.length);
    expect(urls).not.toContain(`${origin}/products/archived-lamp`);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("dates products by their last change, and categories and the home page by their newest product", async () => {
    await setUpdatedAt("stoneware-mug", "2031-02-03T04:05:06.789Z");
    await setUpdatedAt("snake-plant", "2031-05-01T00:00:00.000Z");
    // Archived, but it changed what its category's page shows.
    await setUpdatedAt("archived-lamp", "2031-06-01T00:00:00.000Z");
    const entries = sitemapEntries(await callerFor(database.db, null).catalog.sitemap(), origin);
    const lastModifiedOf = (path: string) => entries.find((entry) => entry.url === `${origin}${path}`)?.lastModified;

    expect(lastModifiedOf("/products/stoneware-mug")).toBe("2031-02-03T04:05:06.789Z");
    expect(lastModifiedOf("/c/kitchen")).toBe("2031-02-03T04:05:06.789Z");
    expect(lastModifiedOf("/c/plants")).toBe("2031-05-01T00:00:00.000Z");
    expect(lastModifiedOf("/")).toBe("2031-06-01T00:00:00.000Z");
    // A category nothing is in yet has no date to give.
    expect(entries.find((entry) => entry.url === `${origin}/c/empty-shelf`)).toEqual({
      url: `${origin}/c/empty-shelf`,
    });

    const [stool] = await database.db
      .select({ updatedAt: products.updatedAt })
      .from(products)
      .where(eq(products.slug, "oak-stool"));
    expect(lastModifiedOf("/products/oak-stool")).toBe(stool?.updatedAt.toISOString());
  });

  it("comes out as sitemap XML with a <loc> and <lastmod> per page", async () => {
    const pages = await callerFor(database.db, null).catalog.sitemap();
    const xml = resolveSitemap(sitemapEntries(pages, origin));
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
    expect(xml).toContain(`<loc>${origin}/products/stoneware-mug</loc>`);
    expect(xml).toContain("<lastmod>2031-02-03T04:05:06.789Z</lastmod>");
    expect(xml.match(/<url>/g)).toHaveLength(1 + pages.categories.length + demoProducts.length);
  });
});

describe("robots.txt", () => {
  it("opens the catalog to every crawler, closes personal, admin and tool pages, and names the sitemap", () => {
    const text = resolveRobots(robotsRules(origin));
    const lines = text.split("\n");
    expect(lines).toContain("User-Agent: *");
    expect(lines).toContain("Allow: /");
    for (const path of ["/admin", "/account", "/orders", "/cart", "/checkout", "/api", "/test-provider", "/dev"]) {
      expect(lines).toContain(`Disallow: ${path}`);
    }
    expect(lines.filter((line) => line.startsWith("Disallow:"))).toHaveLength(disallowedPaths.length);
    expect(lines).toContain(`Sitemap: ${origin}/sitemap.xml`);
    // Catalog pages and what they show stay open: no rule is a prefix of them.
    for (const path of ["/", "/c/kitchen", "/products/stoneware-mug", "/pictures/a.svg", "/previews/shop.png"]) {
      expect(
        disallowedPaths.some((closed) => path.startsWith(closed)),
        path,
      ).toBe(false);
    }
  });
});

describe("page metadata", () => {
  it("names the plain page as canonical and describes the shared link with a large card", () => {
    const metadata = pageMetadata({
      title: "Kitchen",
      description: "Kitchen things.",
      path: "/c/kitchen",
      image: shopPreview,
    });
    expect(metadata.alternates?.canonical).toBe("/c/kitchen");
    expect(metadata.openGraph).toMatchObject({
      url: "/c/kitchen",
      title: "Kitchen",
      description: "Kitchen things.",
      siteName: "Storefront",
      images: [{ url: "/previews/shop.png", width: 1200, height: 630, alt: "Storefront" }],
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image", title: "Kitchen" });
  });

  it("cuts a long description at a word, on one line", () => {
    const long = `${"word ".repeat(60)}end`;
    const cut = summarise(long);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut.endsWith("word…")).toBe(true);
    expect(summarise("  two\n lines  ")).toBe("two lines");
  });
});

describe("product structured data", () => {
  const mug: ProductJsonLdInput["product"] = {
    slug: "stoneware-mug",
    name: "Stoneware Mug",
    description: "A mug.",
    priceCents: 1850,
    currency: "USD",
    stock: 3,
    imageUrl: "/pictures/stoneware-mug.svg",
  };
  const kitchen = { slug: "kitchen", name: "Kitchen" };
  const taxMode = "exclusive";

  function offerOf(input: ProductJsonLdInput) {
    const graph = JSON.parse(jsonLdText(productJsonLd(input))) as { "@graph": Record<string, unknown>[] };
    const product = graph["@graph"].find((node) => node["@type"] === "Product");
    return { graph, product, offer: product?.offers as Record<string, unknown> };
  }

  it("gives the price as a decimal string from integer cents", () => {
    for (const [cents, text] of [
      [1850, "18.50"],
      [5, "0.05"],
      [0, "0.00"],
      [100_000, "1000.00"],
      [1999, "19.99"],
    ] as const) {
      expect(decimalAmount(cents)).toBe(text);
      expect(offerOf({ product: { ...mug, priceCents: cents }, category: kitchen, origin, taxMode }).offer.price).toBe(
        text,
      );
      // The same amount the page prints.
      expect(formatMoney(cents).replace(/[$,]/g, "")).toBe(text);
    }
  });

  it("says in stock while there is any, out of stock at none", () => {
    expect(offerOf({ product: mug, category: kitchen, origin, taxMode }).offer).toMatchObject({
      "@type": "Offer",
      priceCurrency: "USD",
      availability: "https://schema.org/InStock",
      url: `${origin}/products/stoneware-mug`,
    });
    expect(offerOf({ product: { ...mug, stock: 0 }, category: kitchen, origin, taxMode }).offer.availability).toBe(
      "https://schema.org/OutOfStock",
    );
  });

  it("says whether the price includes tax, as the page does beside it", () => {
    for (const mode of ["exclusive", "inclusive"] as const) {
      const { offer } = offerOf({ product: mug, category: kitchen, origin, taxMode: mode });
      // The Offer's own price stays: Google reads it, and the e2e seo spec compares it with the page.
      expect(offer).toMatchObject({ price: "18.50", priceCurrency: "USD" });
      expect(offer.priceSpecification).toEqual({
        "@type": "UnitPriceSpecification",
        price: "18.50",
        priceCurrency: "USD",
        valueAddedTaxIncluded: mode === "inclusive",
      });
    }
  });

  it("shows the drawn preview, or the product's own picture, at an absolute address", () => {
    expect(offerOf({ product: mug, category: kitchen, origin, taxMode }).product?.image).toBe(
      `${origin}${productPreviewUrl("stoneware-mug")}`,
    );
    const own = { ...mug, imageUrl: "https://images.example/mug.jpg" };
    expect(offerOf({ product: own, category: kitchen, origin, taxMode }).product?.image).toBe(
      "https://images.example/mug.jpg",
    );
  });

  it("has the page's breadcrumbs: all products, the category, the product", () => {
    const { graph } = offerOf({ product: mug, category: kitchen, origin, taxMode });
    expect(graph["@graph"].find((node) => node["@type"] === "BreadcrumbList")).toEqual({
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "All products", item: `${origin}/` },
        { "@type": "ListItem", position: 2, name: "Kitchen", item: `${origin}/c/kitchen` },
        { "@type": "ListItem", position: 3, name: "Stoneware Mug", item: `${origin}/products/stoneware-mug` },
      ],
    });
    const crumbs = offerOf({ product: mug, category: undefined, origin, taxMode }).graph["@graph"][1]?.itemListElement;
    expect(crumbs).toHaveLength(2);
  });

  it("cannot be broken out of: no admin-typed text can close the script, and it reads back the same", () => {
    const name = `Mug </script><script>alert(1)</script> <!-- & "quotes" \u2028`;
    const text = jsonLdText(
      productJsonLd({ product: { ...mug, name, description: name }, category: kitchen, origin, taxMode }),
    );
    expect(text).not.toMatch(/[<>&]/);
    expect((JSON.parse(text) as { "@graph": { name: string }[] })["@graph"][0]?.name).toBe(name);
  });

  it("is written as a data block carrying the page's nonce, closed only by its own end tag", () => {
    const name = "Mug </script><script>alert(1)</script>";
    const data = productJsonLd({ product: { ...mug, name }, category: kitchen, origin, taxMode });
    const html = renderToStaticMarkup(createElement(JsonLdScript, { data, nonce: "page-nonce" }));
    expect(html.startsWith('<script type="application/ld+json" nonce="page-nonce">')).toBe(true);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    const text = html.slice(html.indexOf(">") + 1, html.lastIndexOf("</script>"));
    expect((JSON.parse(text) as { "@graph": { name: string }[] })["@graph"][0]?.name).toBe(name);
  });

  it("describes a real catalog product as the catalog gives it", async () => {
    const caller = callerFor(database.db, null);
    const product = await caller.catalog.bySlug({ slug: "stoneware-mug" });
    const category = (await caller.catalog.categories()).find((each) => each.id === product.categoryId);
    const { product: node, offer } = offerOf({ product, category, origin, taxMode });
    expect(node).toMatchObject({ name: "Stoneware Mug", category: "Kitchen", url: `${origin}/products/stoneware-mug` });
    expect(offer).toMatchObject({ price: decimalAmount(product.priceCents), priceCurrency: product.currency });
  });
});
