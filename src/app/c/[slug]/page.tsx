import type { Metadata } from "next";
import { CatalogPage } from "@/components/catalog/catalog-page";
import { parseCatalogParams } from "@/lib/catalog-params";
import { productCountText } from "@/lib/product-count";
import { loadCategory } from "./load-category";

interface CategoryPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const { category } = await loadCategory((await params).slug);
  return {
    title: category.name,
    description: `${category.name} at Storefront: ${productCountText(category.productCount)}.`,
  };
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { categories, category } = await loadCategory(slug);
  return <CatalogPage view={parseCatalogParams(query, category.slug)} categories={categories} />;
}
