import { z } from "zod";
import { isoDateTime } from "./common";

/** What the sitemap lists: every active product and every category, each with when it last changed. */
export const sitemapPages = z.object({
  products: z.array(z.object({ slug: z.string(), updatedAt: isoDateTime })),
  categories: z.array(
    z.object({
      slug: z.string(),
      /** The newest change to any of its products; null while it has none. */
      updatedAt: isoDateTime.nullable(),
    }),
  ),
});

export type SitemapPagesDto = z.infer<typeof sitemapPages>;
