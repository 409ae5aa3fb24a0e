import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, demoCategories, demoProducts } from "@/server/db/demo-data";
import { categories, products, users } from "@/server/db/schema";
import { seedDemoData } from "@/server/db/seed";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(() => database.dispose());

describe("demo seed", () => {
  it("creates about 30 products and the two demo accounts, and changes nothing the second time", async () => {
    const first = await seedDemoData(database.db);
    expect(first).toEqual({ usersCreated: demoAccounts.length, productsCreated: demoProducts.length });
    expect(first.productsCreated).toBeGreaterThanOrEqual(30);
    const second = await seedDemoData(database.db);
    expect(second).toEqual({ usersCreated: 0, productsCreated: 0 });
    const [userCount] = await database.db.select({ n: count() }).from(users);
    const [productCount] = await database.db.select({ n: count() }).from(products);
    expect(userCount?.n).toBe(demoAccounts.length);
    expect(productCount?.n).toBe(demoProducts.length);
  });

  it("spreads the products over 5 to 8 categories, none of them empty", async () => {
    await seedDemoData(database.db);
    const rows = await database.db
      .select({ slug: categories.slug, products: count(products.id) })
      .from(categories)
      .leftJoin(products, eq(products.categoryId, categories.id))
      .groupBy(categories.slug);
    const used = rows.filter((row) => row.products > 0);
    expect(used.length).toBeGreaterThanOrEqual(5);
    expect(used.length).toBeLessThanOrEqual(8);
    expect(used.map((row) => row.slug).sort()).toEqual(demoCategories.map((category) => category.slug).sort());
  });

  it("includes scarce and sold-out products", () => {
    const stocks = demoProducts.map((row) => row.stock);
    expect(stocks).toContain(0);
    expect(stocks.some((stock) => stock > 0 && stock <= 3)).toBe(true);
  });
});
