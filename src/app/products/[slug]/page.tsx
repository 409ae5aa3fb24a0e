import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductAvailability } from "@/components/catalog/product-availability";
import { ProductPicture } from "@/components/catalog/product-picture";
import { formatMoney } from "@/lib/money";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getQueryClient, HydrateClient, livePosition, trpc } from "@/trpc/server";

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

// Shared by generateMetadata and the page, so the product is read once per request,
// after the live position its stock updates start from.
const loadProduct = cache(async (slug: string) => {
  const since = await livePosition();
  try {
    const queryClient = getQueryClient();
    const [product, categories] = await Promise.all([
      queryClient.fetchQuery(trpc.catalog.bySlug.queryOptions({ slug })),
      queryClient.fetchQuery(trpc.catalog.categories.queryOptions()),
    ]);
    return { product, category: categories.find((each) => each.id === product.categoryId), since };
  } catch (error) {
    // An unknown slug and a malformed one are both simply not here.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const { product } = await loadProduct((await params).slug);
  return { title: product.name, description: product.description };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const [{ product, category, since }, actor] = await Promise.all([
    loadProduct((await params).slug),
    getCurrentActor(),
  ]);
  return (
    <HydrateClient>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">All products</Link> /{" "}
        {category ? (
          <>
            <Link href={`/c/${category.slug}`}>{category.name}</Link> /{" "}
          </>
        ) : null}
        <span aria-current="page">{product.name}</span>
      </nav>
      <article className="product-detail">
        <div className="product-detail__image">
          <ProductPicture product={product} sizes="(max-width: 720px) 100vw, 520px" preload />
        </div>
        <div className="stack">
          <div>
            <h1>{product.name}</h1>
            <p className="product-detail__price" data-testid="product-price">
              {formatMoney(product.priceCents, product.currency)}
            </p>
          </div>
          <ProductAvailability slug={product.slug} signedIn={actor !== null} since={since} />
        </div>
      </article>
    </HydrateClient>
  );
}
