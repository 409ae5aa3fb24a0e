"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { catalogHref, sortLabels, type CatalogView } from "@/lib/catalog-params";
import { catalogSorts } from "@/lib/catalog-sorts";

export function SortSelect({ view }: { view: CatalogView }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="field">
      <label htmlFor="catalog-sort">Sort by</label>
      <select
        id="catalog-sort"
        className="select"
        value={view.sort}
        aria-busy={pending}
        onChange={(event) => {
          const sort = catalogSorts.find((candidate) => candidate === event.target.value) ?? "newest";
          startTransition(() => router.push(catalogHref({ ...view, sort })));
        }}
      >
        {catalogSorts.map((option) => (
          <option key={option} value={option}>
            {sortLabels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
