"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { catalogHref, type CatalogView } from "@/lib/catalog-params";

export function InStockFilter({ view }: { view: CatalogView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Ticks at once; the URL's value takes over when the filtered page arrives.
  const [checked, setChecked] = useOptimistic(view.inStock);
  return (
    <label className="toggle" aria-busy={pending}>
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          const inStock = event.target.checked;
          startTransition(() => {
            setChecked(inStock);
            router.push(catalogHref({ ...view, inStock }));
          });
        }}
      />
      In stock only
    </label>
  );
}
