/** Where the drawn picture of a product without one of its own is served (src/app/pictures/[file]/route.ts). */
export function drawnPictureUrl(slug: string): string {
  return `/pictures/${slug}.svg`;
}

/** The product's own picture, or the one drawn for it. */
export function pictureOf(product: { slug: string; imageUrl: string | null }): string {
  return product.imageUrl ?? drawnPictureUrl(product.slug);
}
