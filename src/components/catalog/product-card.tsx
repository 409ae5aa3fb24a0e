import Link from "next/link";
import type { TaxMode } from "@/lib/shop/tax-rates";
import type { Product } from "@/trpc/types";
import { Price } from "./price";
import { ProductPicture } from "./product-picture";
import { StockLabel } from "./stock-label";

export function ProductCard({ product, taxMode }: { product: Product; taxMode: TaxMode }) {
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
          <Price className="price" cents={product.priceCents} currency={product.currency} taxMode={taxMode} />
          <StockLabel stock={product.stock} />
        </div>
      </Link>
    </article>
  );
}
