"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { catalogHref, type CatalogView } from "@/lib/catalog-params";

export function InStockFilter({ view }: { view: CatalogView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="toggle" aria-busy={pending}>
      <input
        type="checkbox"
        checked={view.inStock}
        onChange={(event) => {
          const inStock = event.target.checked;
          startTransition(() => router.push(catalogHref({ ...view, inStock })));
        }}
      />
      In stock only
    </label>
  );
}
