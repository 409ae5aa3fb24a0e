import type { BreadcrumbList, Graph, ItemAvailability, Product } from "schema-dts";
import type { CategoryDto, ProductDto } from "@/lib/contracts/catalog";
import { decimalAmount } from "@/lib/money";
import { productPreviewOf } from "@/lib/pictures/preview-url";
import type { TaxMode } from "@/lib/shop/tax-rates";

export interface ProductJsonLdInput {
  product: Pick<ProductDto, "slug" | "name" | "description" | "priceCents" | "currency" | "stock" | "imageUrl">;
  category: Pick<CategoryDto, "slug" | "name"> | undefined;
  /** The shop's public origin, e.g. https://shop.example.com: structured data takes absolute addresses only. */
  origin: string;
  /** Whether the price contains tax, as the page states beside it. */
  taxMode: TaxMode;
}

/** In stock exactly when the page says so (StockLabel: anything above zero). */
export function availabilityOf(stock: number): ItemAvailability {
  return stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock";
}

/**
 * A product page's structured data: the Product with its Offer (price as a
 * decimal string from integer cents, currency, availability, and a price
 * specification saying whether tax is in it) and the breadcrumbs the page
 * shows (all products › category › product).
 */
export function productJsonLd({ product, category, origin, taxMode }: ProductJsonLdInput): Graph {
  const absolute = (path: string) => new URL(path, `${origin}/`).toString();
  const price = decimalAmount(product.priceCents);
  const productUrl = absolute(`/products/${product.slug}`);
  const productNode: Product = {
    "@type": "Product",
    "@id": `${productUrl}#product`,
    name: product.name,
    ...(product.description ? { description: product.description } : {}),
    image: absolute(productPreviewOf(product).url),
    url: productUrl,
    ...(category ? { category: category.name } : {}),
    offers: {
      "@type": "Offer",
      url: productUrl,
      price,
      priceCurrency: product.currency,
      availability: availabilityOf(product.stock),
      priceSpecification: {
        "@type": "UnitPriceSpecification",
        price,
        priceCurrency: product.currency,
        valueAddedTaxIncluded: taxMode === "inclusive",
      },
    },
  };
  const trail = [
    { name: "All products", path: "/" },
    ...(category ? [{ name: category.name, path: `/c/${category.slug}` }] : []),
    { name: product.name, path: `/products/${product.slug}` },
  ];
  const breadcrumbs: BreadcrumbList = {
    "@type": "BreadcrumbList",
    itemListElement: trail.map((step, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: step.name,
      item: absolute(step.path),
    })),
  };
  return { "@context": "https://schema.org", "@graph": [productNode, breadcrumbs] };
}
