import Link from "next/link";
import { formatMoney } from "@/lib/money";
import type { Product } from "@/trpc/types";
import { ProductPicture } from "./product-picture";
import { StockLabel } from "./stock-label";

export function ProductCard({ product }: { product: Product }) {
  return (
    <article className="product-card" data-testid="product-card">
      <Link href={`/products/${product.slug}`}>
        <ProductPicture
          product={product}
          className="product-card__image"
          sizes="(max-width: 480px) 50vw, (max-width: 1120px) 33vw, 260px"
        />
        <div className="product-card__body">
          <h2 className="product-card__name">{product.name}</h2>
          <span className="price">{formatMoney(product.priceCents, product.currency)}</span>
          <StockLabel stock={product.stock} />
        </div>
      </Link>
    </article>
  );
}
