import { ProductGridSkeleton } from "@/components/catalog/product-grid-skeleton";

export default function Loading() {
  return (
    <>
      <div className="skeleton skeleton--line" style={{ width: "12rem", height: "2rem", marginBottom: "1.5rem" }} />
      <ProductGridSkeleton />
    </>
  );
}
