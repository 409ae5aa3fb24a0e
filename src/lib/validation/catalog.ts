import { z } from "zod";
import { textInput } from "./text";

export const catalogSorts = ["newest", "price_asc", "price_desc", "name"] as const;
export type CatalogSort = (typeof catalogSorts)[number];

export const catalogListInput = z.object({
  cursor: z.string().max(512, "Cursor is too long").optional(),
  limit: z.number().int().min(1).max(100).default(20),
  q: textInput(100, "Search must be at most 100 characters").trim().optional(),
  sort: z.enum(catalogSorts).default("newest"),
});

export const productSlug = z
  .string()
  .min(1, "Slug is required")
  .max(200, "Slug is too long")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Slug may contain lowercase letters, digits and dashes");
