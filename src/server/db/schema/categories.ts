import { integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export { GENERAL_CATEGORY_ID } from "@/lib/general-category";

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
