"use client";

import Form from "next/form";
import { useSearchParams } from "next/navigation";

/** A GET form to "/", so search works before JavaScript loads and lands in the URL. */
export function HeaderSearch() {
  const searchParams = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const sort = searchParams.get("sort");
  return (
    <Form action="/" className="header-search" role="search">
      <label htmlFor="header-search" className="visually-hidden">
        Search products
      </label>
      <input
        key={q}
        id="header-search"
        name="q"
        type="search"
        className="input"
        placeholder="Search products"
        defaultValue={q}
        maxLength={100}
      />
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </Form>
  );
}
