import Link from "next/link";
import { formatMoney } from "@/lib/money";
import type { Product } from "@/trpc/types";
import { StockLabel } from "./stock-label";

export function ProductCard({ product }: { product: Product }) {
  return (
    <article className="product-card" data-testid="product-card">
      <Link href={`/products/${product.slug}`}>
        {/* Local SVG illustrations: next/image would add nothing for them. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img className="product-card__image" src={product.imageUrl ?? "/products/placeholder.svg"} alt="" />
        <div className="product-card__body">
          <h2 className="product-card__name">{product.name}</h2>
          <span className="price">{formatMoney(product.priceCents, product.currency)}</span>
          <StockLabel stock={product.stock} />
        </div>
      </Link>
    </article>
  );
}
