import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, demoProductRows } from "@/server/db/demo-data";
import { products, users } from "@/server/db/schema";
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
    expect(first).toEqual({ usersCreated: demoAccounts.length, productsCreated: demoProductRows().length });
    expect(first.productsCreated).toBeGreaterThanOrEqual(30);
    const second = await seedDemoData(database.db);
    expect(second).toEqual({ usersCreated: 0, productsCreated: 0 });
    const [userCount] = await database.db.select({ n: count() }).from(users);
    const [productCount] = await database.db.select({ n: count() }).from(products);
    expect(userCount?.n).toBe(demoAccounts.length);
    expect(productCount?.n).toBe(demoProductRows().length);
  });

  it("includes scarce and sold-out products", () => {
    const stocks = demoProductRows().map((row) => row.stock);
    expect(stocks).toContain(0);
    expect(stocks.some((stock) => stock > 0 && stock <= 3)).toBe(true);
  });
});
