import { count } from "drizzle-orm";
import { hashPassword } from "../security/password";
import {
  DEMO_PASSWORD,
  demoAccounts,
  demoAddresses,
  demoCategories,
  demoDiscountCodes,
  demoProductRows,
} from "./demo-data";
import { addresses, categories, discountCodes, products, users } from "./schema";
import type { Db } from "./types";

export interface SeedResult {
  usersCreated: number;
  productsCreated: number;
}

/** Idempotent: existing accounts (by email) and products (by slug) are left as they are. */
export async function seedDemoData(db: Db): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const createdUsers = await db
    .insert(users)
    .values(demoAccounts.map((account) => ({ ...account, passwordHash })))
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email });
  // Only for accounts made now: a second seed must not add the same address again.
  const addressRows = createdUsers.flatMap((user) =>
    (demoAddresses[user.email] ?? []).map((address) => ({ ...address, userId: user.id })),
  );
  if (addressRows.length > 0) await db.insert(addresses).values(addressRows);
  await db
    .insert(discountCodes)
    .values([...demoDiscountCodes])
    .onConflictDoNothing({ target: discountCodes.code });
  await db
    .insert(categories)
    .values([...demoCategories])
    .onConflictDoNothing({ target: categories.slug });
  const categoryRows = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  const createdProducts = await db
    .insert(products)
    .values(demoProductRows(new Map(categoryRows.map((row) => [row.slug, row.id]))))
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id });
  return { usersCreated: createdUsers.length, productsCreated: createdProducts.length };
}

export async function isCatalogEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(products);
  return (row?.n ?? 0) === 0;
}
