import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { sitemapEntries } from "@/lib/seo/sitemap-entries";
import { createRequestContext } from "@/server/api/request-context";
import { createCaller } from "@/server/api/root";
import { shopOrigin } from "@/server/mail/links";

// Read at request time: the catalog changes, and `next build` must not open a database.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const catalog = createCaller(await createRequestContext(new Headers(await headers()))).catalog;
  return sitemapEntries(await catalog.sitemap(), shopOrigin());
}
