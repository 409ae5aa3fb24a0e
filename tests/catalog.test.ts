import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogSorts, type CatalogSort } from "@/lib/contracts/catalog";
import { demoCategories, demoProducts } from "@/server/db/demo-data";
import { products } from "@/server/db/schema";
import { seedDemoData } from "@/server/db/seed";
import type { Product } from "@/trpc/types";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { callerFor, expectTrpcError, httpCall, type HttpErrorBody } from "./support/callers";
import { restCall } from "./support/rest";

let database: TestDatabase;
let anonymous: ReturnType<typeof callerFor>;
const activeCount = demoProducts.length;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoData(database.db);
  // An archived product must never show up in the public catalog.
  await database.db.insert(products).values({
    slug: "archived-thing",
    name: "Archived Mug",
    description: "gone",
    priceCents: 100,
    stock: 5,
    active: false,
  });
  anonymous = callerFor(database.db, null);
});

afterAll(() => database.dispose());

async function readAllPages(sort: CatalogSort, limit: number, q?: string): Promise<Product[][]> {
  const pages: Product[][] = [];
  let cursor: string | undefined;
  do {
    const page = await anonymous.catalog.list({ sort, limit, q, cursor });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

const comparators: Record<CatalogSort, (a: Product, b: Product) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  price_asc: (a, b) => a.priceCents - b.priceCents || a.id.localeCompare(b.id),
  price_desc: (a, b) => b.priceCents - a.priceCents || b.id.localeCompare(a.id),
  name: (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id.localeCompare(b.id)),
};

describe("catalog.list", () => {
  it.each(catalogSorts)("pages through every active product sorted by %s without duplicates or gaps", async (sort) => {
    const pages = await readAllPages(sort, 7);
    const items = pages.flat();
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(items).toHaveLength(activeCount);
    expect(new Set(items.map((item) => item.id)).size).toBe(activeCount);
    expect(items.map((item) => item.id)).toEqual([...items].sort(comparators[sort]).map((item) => item.id));
    expect(items.some((item) => item.slug === "archived-thing")).toBe(false);
  });

  it("keeps paging exact when several products share the sort value", async () => {
    // Three demo products cost the same; a page boundary between them must not lose or repeat one.
    const ties = await readAllPages("price_asc", 1);
    const ids = ties.flat().map((item) => item.id);
    expect(new Set(ids).size).toBe(activeCount);
  });

  it("does not repeat or skip products when a new one is added between pages", async () => {
    const first = await anonymous.catalog.list({ sort: "newest", limit: 5 });
    await database.db.insert(products).values({ slug: "brand-new", name: "Brand New Lamp", priceCents: 999, stock: 1 });
    const rest: Product[] = [];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await anonymous.catalog.list({ sort: "newest", limit: 5, cursor });
      rest.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    }
    const ids = [...first.items, ...rest].map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(activeCount);
    await database.db.delete(products).where(eq(products.slug, "brand-new"));
  });

  it("returns 20 items by default and no cursor on the last page", async () => {
    const page = await anonymous.catalog.list({});
    expect(page.items).toHaveLength(20);
    const last = await anonymous.catalog.list({ limit: 100 });
    expect(last.items).toHaveLength(activeCount);
    expect(last.nextCursor).toBeNull();
  });

  it("searches names and descriptions, case-insensitively", async () => {
    const byName = await anonymous.catalog.list({ q: "KETTLE", limit: 100 });
    expect(byName.items.map((item) => item.name).sort()).toEqual([
      "Electric Kettle",
      "Gooseneck Kettle",
      "Stovetop Kettle",
    ]);
    const byDescription = await anonymous.catalog.list({ q: "merino", limit: 100 });
    expect(byDescription.items.map((item) => item.slug)).toEqual(["merino-hiking-socks"]);
  });

  it("pages through search results and combines search with a sort", async () => {
    const pages = await readAllPages("price_desc", 1, "mug");
    expect(pages.flat().map((item) => item.name)).toEqual(["Stoneware Mug", "Enamel Camp Mug"]);
  });

  it("treats LIKE wildcards in the search text literally", async () => {
    expect((await anonymous.catalog.list({ q: "%" })).items).toEqual([]);
    expect((await anonymous.catalog.list({ q: "_" })).items).toEqual([]);
  });

  it("returns an empty page when nothing matches", async () => {
    expect(await anonymous.catalog.list({ q: "no such thing anywhere" })).toEqual({ items: [], nextCursor: null });
  });

  it("rejects a tampered cursor and a cursor from another sort with BAD_REQUEST", async () => {
    const { nextCursor } = await anonymous.catalog.list({ sort: "name", limit: 3 });
    expect(nextCursor).toBeTruthy();
    await expectTrpcError(anonymous.catalog.list({ sort: "price_asc", cursor: nextCursor ?? "" }), "BAD_REQUEST");
    await expectTrpcError(anonymous.catalog.list({ cursor: "not-a-cursor" }), "BAD_REQUEST");
  });

  it.each([
    ["price_asc", [2 ** 40, "00000000-0000-4000-8000-000000000000"]],
    ["price_desc", [-5, "00000000-0000-4000-8000-000000000000"]],
    ["newest", ["0000-01-01T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"]],
    ["name", ["a\u0000b", "00000000-0000-4000-8000-000000000000"]],
  ] as const)("rejects a well-formed %s cursor with an impossible value as BAD_REQUEST", async (sort, position) => {
    const cursor = Buffer.from(JSON.stringify(position)).toString("base64url");
    const response = await httpCall(database.db, "catalog.list", { sort, cursor });
    expect(response.status).toBe(400);
  });

  it("rejects a NUL character in the search with BAD_REQUEST", async () => {
    const response = await httpCall(database.db, "catalog.list", { q: "mug\u0000" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.issues?.map((issue) => issue.path)).toEqual(["q"]);
  });

  it.each([
    [{ limit: 0 }, "limit"],
    [{ limit: 101 }, "limit"],
    [{ limit: 2.5 }, "limit"],
    [{ sort: "cheapest" }, "sort"],
    [{ q: "x".repeat(101) }, "q"],
  ])("rejects %j with BAD_REQUEST naming the field", async (input, field) => {
    const response = await httpCall(database.db, "catalog.list", input);
    expect(response.status).toBe(400);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.data.httpStatus).toBe(400);
    expect(body.error.data.issues?.map((issue) => issue.path)).toContain(field);
    expect(body.error.message).toContain(field);
  });
});

describe("catalog.bySlug", () => {
  it("returns a product with its price in cents and stock", async () => {
    const product = await anonymous.catalog.bySlug({ slug: "oak-stool" });
    expect(product).toMatchObject({ name: "Oak Stool", priceCents: 11900, currency: "USD", stock: 6 });
  });

  it("is NOT_FOUND for an unknown or archived slug", async () => {
    await expectTrpcError(anonymous.catalog.bySlug({ slug: "does-not-exist" }), "NOT_FOUND");
    await expectTrpcError(anonymous.catalog.bySlug({ slug: "archived-thing" }), "NOT_FOUND");
  });

  it("answers 404 over HTTP in the contract's error shape", async () => {
    const response = await httpCall(database.db, "catalog.bySlug", { slug: "does-not-exist" });
    expect(response.status).toBe(404);
    const body = (await response.json()) as HttpErrorBody;
    expect(body.error.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404 });
  });

  it("rejects a malformed slug with BAD_REQUEST", async () => {
    await expectTrpcError(anonymous.catalog.bySlug({ slug: "Not A Slug!" }), "BAD_REQUEST");
  });
});

describe("categories", () => {
  async function readCategory(
    sort: CatalogSort,
    filters: { category?: string; inStock?: boolean; q?: string },
  ): Promise<Product[]> {
    const items: Product[] = [];
    let cursor: string | undefined;
    do {
      const page = await anonymous.catalog.list({ sort, limit: 2, cursor, ...filters });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && items.length < 200);
    return items;
  }

  it("lists every category in display order with its count of active products", async () => {
    const listed = await anonymous.catalog.categories();
    expect(listed.map((category) => category.slug)).toEqual([
      ...demoCategories.map((category) => category.slug),
      "general",
    ]);
    const all = (await readAllPages("newest", 100)).flat();
    for (const category of listed) {
      expect(category.productCount, category.slug).toBe(all.filter((item) => item.categoryId === category.id).length);
    }
    // The archived product sits in General and is not counted.
    expect(listed.find((category) => category.slug === "general")?.productCount).toBe(0);
    expect(listed.reduce((sum, category) => sum + category.productCount, 0)).toBe(activeCount);
  });

  it.each(catalogSorts)("pages through one category sorted by %s, with nothing from another", async (sort) => {
    const kitchen = (await anonymous.catalog.categories()).find((category) => category.slug === "kitchen");
    const items = await readCategory(sort, { category: "kitchen" });
    expect(items.length).toBe(kitchen?.productCount);
    expect(items.every((item) => item.categoryId === kitchen?.id)).toBe(true);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(items.map((item) => item.id)).toEqual([...items].sort(comparators[sort]).map((item) => item.id));
  });

  it("filters to products in stock, alone, inside a category and with a search", async () => {
    const all = (await readAllPages("newest", 100)).flat();
    const inStock = await readCategory("price_asc", { inStock: true });
    expect(inStock.map((item) => item.id).sort()).toEqual(
      all
        .filter((item) => item.stock > 0)
        .map((item) => item.id)
        .sort(),
    );
    expect(all.some((item) => item.stock === 0)).toBe(true);
    const lighting = (await anonymous.catalog.categories()).find((category) => category.slug === "lighting");
    const litInStock = await readCategory("name", { category: "lighting", inStock: true });
    expect(litInStock.length).toBeGreaterThan(0);
    expect(litInStock.every((item) => item.stock > 0 && item.categoryId === lighting?.id)).toBe(true);
    expect(litInStock.length).toBeLessThan(lighting?.productCount ?? 0);
    const searched = await readCategory("newest", { category: "kitchen", q: "mug" });
    expect(searched.length).toBeGreaterThan(0);
    expect(searched.every((item) => /mug/i.test(`${item.name} ${item.description}`))).toBe(true);
  });

  it("lists nothing for an unknown category and refuses a malformed one", async () => {
    expect((await anonymous.catalog.list({ category: "no-such-category" })).items).toEqual([]);
    await expectTrpcError(anonymous.catalog.list({ category: "Not A Slug!" }), "BAD_REQUEST");
  });

  it("serves the same on the REST face", async () => {
    const listed = await restCall(database.db, "GET", "/categories");
    expect(listed.status).toBe(200);
    expect((listed.json as { slug: string }[]).map((category) => category.slug)).toContain("kitchen");
    const filtered = await restCall(database.db, "GET", "/products?category=lighting&inStock=true&limit=100");
    expect(filtered.status).toBe(200);
    const items = (filtered.json as { items: Product[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.stock > 0)).toBe(true);
    const refused = await restCall(database.db, "GET", "/products?inStock=maybe");
    expect(refused.status).toBe(400);
  });
});
