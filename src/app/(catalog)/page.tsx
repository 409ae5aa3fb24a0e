import type { Metadata } from "next";
import { CatalogPage } from "@/components/catalog/catalog-page";
import { parseCatalogParams } from "@/lib/catalog-params";
import { shopPreview } from "@/lib/pictures/preview-url";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { storeTaxMode } from "@/server/tax-mode";
import { getQueryClient, trpc } from "@/trpc/server";

interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const categories = await getQueryClient().fetchQuery(trpc.catalog.categories.queryOptions());
  const shelves = categories.filter((category) => category.productCount > 0).map((category) => category.name);
  return pageMetadata({
    title: { absolute: "Storefront" },
    description: `Everyday goods, well made${shelves.length > 0 ? `: ${shelves.join(", ")}` : ""}.`,
    path: "/",
    image: shopPreview,
  });
}

export default async function HomePage({ searchParams }: HomePageProps) {
  const [params, categories] = await Promise.all([
    searchParams,
    getQueryClient().fetchQuery(trpc.catalog.categories.queryOptions()),
  ]);
  return <CatalogPage view={parseCatalogParams(params)} categories={categories} taxMode={storeTaxMode()} />;
}
