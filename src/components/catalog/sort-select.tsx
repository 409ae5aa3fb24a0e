"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { catalogHref, sortLabels } from "@/lib/catalog-params";
import { catalogSorts, type CatalogSort } from "@/lib/catalog-sorts";

export function SortSelect({ q, sort }: { q?: string; sort: CatalogSort }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="field">
      <label htmlFor="catalog-sort">Sort by</label>
      <select
        id="catalog-sort"
        className="select"
        value={sort}
        aria-busy={pending}
        onChange={(event) => {
          const next = catalogSorts.find((candidate) => candidate === event.target.value) ?? "newest";
          startTransition(() => router.push(catalogHref({ q, sort: next })));
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
