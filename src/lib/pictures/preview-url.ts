import { drawnPictureUrl } from "./picture-url";

/** Share previews are 1.91:1, the shape Open Graph and large Twitter cards show. */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** Where a product's drawn picture is served as a PNG preview (src/app/previews/products/[file]/route.ts). */
export function productPreviewUrl(slug: string): string {
  return `/previews/products/${slug}.png`;
}

/** The preview of the catalog and its categories (src/app/previews/shop.png/route.ts). */
export const SHOP_PREVIEW_URL = "/previews/shop.png";

export interface PreviewImage {
  /** On this site (a path) or https. */
  url: string;
  alt: string;
  /** Known for the previews drawn here; an admin's own picture comes as it is. */
  width?: number;
  height?: number;
}

/**
 * What a shared product page shows: the product's own picture when an admin
 * gave it one (what its page shows too), else its drawn picture as a PNG, since
 * the sites that show link previews take no SVG.
 */
export function productPreviewOf(product: { slug: string; name: string; imageUrl: string }): PreviewImage {
  if (product.imageUrl !== drawnPictureUrl(product.slug)) return { url: product.imageUrl, alt: product.name };
  return { url: productPreviewUrl(product.slug), alt: product.name, width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT };
}

export const shopPreview: PreviewImage = {
  url: SHOP_PREVIEW_URL,
  alt: "Storefront",
  width: PREVIEW_WIDTH,
  height: PREVIEW_HEIGHT,
};
