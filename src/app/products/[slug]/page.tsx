import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductAvailability } from "@/components/catalog/product-availability";
import { Price } from "@/components/catalog/price";
import { ProductPicture } from "@/components/catalog/product-picture";
import { JsonLdScript } from "@/components/seo/json-ld-script";
import { productPreviewOf } from "@/lib/pictures/preview-url";
import { pageMetadata } from "@/lib/seo/page-metadata";
import { productJsonLd } from "@/lib/seo/product-json-ld";
import { getCurrentActor } from "@/server/auth/current-actor";
import { shopOrigin } from "@/server/mail/links";
import { storeTaxMode } from "@/server/tax-mode";
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
  return pageMetadata({
    title: product.name,
    description: product.description || `${product.name} at Storefront.`,
    path: `/products/${product.slug}`,
    image: productPreviewOf(product),
  });
}

export default async function ProductPage({ params }: ProductPageProps) {
  const [{ product, category, since }, actor, requestHeaders] = await Promise.all([
    loadProduct((await params).slug),
    getCurrentActor(),
    headers(),
  ]);
  const taxMode = storeTaxMode();
  return (
    <HydrateClient>
      {/* src/proxy.ts hands the page its CSP nonce in x-nonce. */}
      <JsonLdScript
        data={productJsonLd({ product, category, origin: shopOrigin(), taxMode })}
        nonce={requestHeaders.get("x-nonce") ?? undefined}
      />
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
            <p className="product-detail__price">
              <Price cents={product.priceCents} currency={product.currency} taxMode={taxMode} testId="product-price" />
            </p>
          </div>
          <ProductAvailability slug={product.slug} signedIn={actor !== null} since={since} />
        </div>
      </article>
    </HydrateClient>
  );
}
