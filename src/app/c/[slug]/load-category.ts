import { notFound } from "next/navigation";
import { cache } from "react";
import { getQueryClient, trpc } from "@/trpc/server";

/** The categories and the one a URL names, read once per request; an unknown one is a 404. */
export const loadCategory = cache(async (slug: string) => {
  const categories = await getQueryClient().fetchQuery(trpc.catalog.categories.queryOptions());
  const category = categories.find((each) => each.slug === slug);
  if (!category) notFound();
  return { categories, category };
});
