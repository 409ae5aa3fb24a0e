"use client";

import Form from "next/form";
import { usePathname, useSearchParams } from "next/navigation";

/**
 * A GET form, so search works before JavaScript loads and lands in the URL.
 * On a category page it searches that category; everywhere else, the whole shop.
 */
export function HeaderSearch() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const inCategory = pathname.startsWith("/c/");
  const q = searchParams.get("q") ?? "";
  const sort = searchParams.get("sort");
  const inStock = searchParams.get("inStock");
  return (
    <Form action={inCategory ? pathname : "/"} className="header-search" role="search">
      <label htmlFor="header-search" className="visually-hidden">
        {inCategory ? "Search this category" : "Search products"}
      </label>
      <input
        key={q}
        id="header-search"
        name="q"
        type="search"
        className="input"
        placeholder={inCategory ? "Search this category" : "Search products"}
        defaultValue={q}
        maxLength={100}
      />
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      {inStock ? <input type="hidden" name="inStock" value={inStock} /> : null}
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </Form>
  );
}
