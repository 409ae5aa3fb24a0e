import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCart } from "@/components/cart/add-to-cart";
import { StockLabel } from "@/components/catalog/stock-label";
import { formatMoney } from "@/lib/money";
import { getCurrentActor } from "@/server/auth/current-actor";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

// Shared by generateMetadata and the page, so the product is read once per request.
const loadProduct = cache(async (slug: string) => {
  try {
    return await getQueryClient().fetchQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  } catch (error) {
    // An unknown slug and a malformed one are both simply not here.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  return { title: product.name, description: product.description };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const [product, actor] = await Promise.all([loadProduct((await params).slug), getCurrentActor()]);
  return (
    <HydrateClient>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/">All products</Link> / <span aria-current="page">{product.name}</span>
      </nav>
      <article className="product-detail">
        <div className="product-detail__image">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={product.imageUrl ?? "/products/placeholder.svg"} alt={product.name} />
        </div>
        <div className="stack">
          <div>
            <h1>{product.name}</h1>
            <p className="product-detail__price" data-testid="product-price">
              {formatMoney(product.priceCents, product.currency)}
            </p>
            <p data-testid="product-stock">
              <StockLabel stock={product.stock} />
            </p>
          </div>
          <p>{product.description}</p>
          {actor ? (
            <AddToCart productId={product.id} productName={product.name} stock={product.stock} />
          ) : product.stock > 0 ? (
            <Link className="button" href={`/sign-in?callbackUrl=${encodeURIComponent(`/products/${product.slug}`)}`}>
              Sign in to buy
            </Link>
          ) : (
            <button type="button" className="button" disabled>
              Out of stock
            </button>
          )}
        </div>
      </article>
    </HydrateClient>
  );
}
