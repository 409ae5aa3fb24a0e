import type { Metadata } from "next";
import { CatalogPage } from "@/components/catalog/catalog-page";
import { parseCatalogParams } from "@/lib/catalog-params";
import { shopPreview } from "@/lib/pictures/preview-url";
import { productCountText } from "@/lib/product-count";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { storeTaxMode } from "@/server/tax-mode";
import { loadCategory } from "./load-category";

interface CategoryPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const { category } = await loadCategory((await params).slug);
  return pageMetadata({
    title: category.name,
    description: `${category.name} at Storefront: ${productCountText(category.productCount)}.`,
    path: `/c/${category.slug}`,
    image: shopPreview,
  });
}

export default async function CategoryPage({ params, searchParams }: CategoryPageProps) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const { categories, category } = await loadCategory(slug);
  return (
    <CatalogPage view={parseCatalogParams(query, category.slug)} categories={categories} taxMode={storeTaxMode()} />
  );
}
