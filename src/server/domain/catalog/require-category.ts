import { eq } from "drizzle-orm";
import { categories } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { DomainError } from "../errors";

/** A product may only be put in a category that exists: a clear 400 on the field, never a foreign-key 500. */
export async function requireCategory(db: DbOrTx, categoryId: string | undefined): Promise<void> {
  if (categoryId === undefined) return;
  const [found] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!found) throw new DomainError("BAD_REQUEST", "There is no such category.", { field: "categoryId" });
}
