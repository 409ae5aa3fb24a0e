import { integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The category every product belongs to until it is given another (products
 * made before categories existed, and products created without one). The first
 * migration with categories inserts it with this id.
 */
export const GENERAL_CATEGORY_ID = "00000000-0000-4000-8000-000000000001";

export const categories = pgTable(
  "categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** Display order: lowest first. */
    position: integer("position").notNull().default(0),
  },
  (table) => [uniqueIndex("categories_slug_key").on(table.slug)],
);

export type Category = typeof categories.$inferSelect;
