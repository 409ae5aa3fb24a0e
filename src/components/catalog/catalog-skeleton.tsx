import { ProductGridSkeleton } from "./product-grid-skeleton";

/** What a catalog page shows while its products load: the shape of the heading and the grid. */
export function CatalogSkeleton() {
  return (
    <>
      <div className="skeleton skeleton--line" style={{ width: "12rem", height: "2rem", marginBottom: "1.5rem" }} />
      <ProductGridSkeleton />
    </>
  );
}
