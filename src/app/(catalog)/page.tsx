import { CatalogPage } from "@/components/catalog/catalog-page";
import { parseCatalogParams } from "@/lib/catalog-params";
import { getQueryClient, trpc } from "@/trpc/server";

interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function HomePage({ searchParams }: HomePageProps) {
  const [params, categories] = await Promise.all([
    searchParams,
    getQueryClient().fetchQuery(trpc.catalog.categories.queryOptions()),
  ]);
  return <CatalogPage view={parseCatalogParams(params)} categories={categories} />;
}
