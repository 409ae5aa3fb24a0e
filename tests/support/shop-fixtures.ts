import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { products, users } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { Actor } from "@/server/domain/actor";

// A syntactically valid argon2id hash nobody knows the password for: these users never sign in.
const UNUSABLE_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000";

export async function insertCustomers(db: Db, count: number): Promise<Actor[]> {
  return db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, index) => ({
        email: `buyer-${index}-${randomUUID()}@example.test`,
        name: `Buyer ${index}`,
        passwordHash: UNUSABLE_HASH,
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
}

export async function insertProduct(db: Db, values: { stock: number; priceCents?: number; name?: string }) {
  const id = randomUUID();
  const [product] = await db
    .insert(products)
    .values({
      slug: `product-${id}`,
      name: values.name ?? `Product ${id.slice(0, 8)}`,
      priceCents: values.priceCents ?? 1000,
      stock: values.stock,
    })
    .returning();
  if (!product) throw new Error("product insert failed");
  return product;
}

export async function stockOf(db: Db, productId: string): Promise<number> {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, productId));
  if (!row) throw new Error(`no product ${productId}`);
  return row.stock;
}
