import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { categories, GENERAL_CATEGORY_ID } from "./categories";

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    priceCents: integer("price_cents").notNull(),
    stock: integer("stock").notNull().default(0),
    imageUrl: text("image_url"),
    categoryId: uuid("category_id")
      .notNull()
      .default(GENERAL_CATEGORY_ID)
      .references(() => categories.id),
    active: boolean("active").notNull().default(true),
    // Millisecond precision so a keyset cursor built from a JS Date matches the row exactly.
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow()
      .$onUpdate(() => sql`now()`),
  },
  (table) => [
    uniqueIndex("products_slug_key").on(table.slug),
    check("products_stock_non_negative", sql`${table.stock} >= 0`),
    check("products_price_non_negative", sql`${table.priceCents} >= 0`),
    // One partial index per catalog sort, ending in id as the keyset tiebreaker;
    // descending sorts scan them backwards.
    index("products_active_newest_idx")
      .on(table.createdAt, table.id)
      .where(sql`${table.active}`),
    index("products_active_price_idx")
      .on(table.priceCents, table.id)
      .where(sql`${table.active}`),
    index("products_active_name_idx")
      .on(table.name, table.id)
      .where(sql`${table.active}`),
    // Category pages list a category's active products newest first.
    index("products_active_category_newest_idx")
      .on(table.categoryId, table.createdAt, table.id)
      .where(sql`${table.active}`),
    index("products_name_trgm_idx").using("gin", sql`${table.name} gin_trgm_ops`),
    index("products_description_trgm_idx").using("gin", sql`${table.description} gin_trgm_ops`),
  ],
);

export type Product = typeof products.$inferSelect;
