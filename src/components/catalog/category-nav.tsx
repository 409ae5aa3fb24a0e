import Link from "next/link";
import { catalogHref, type CatalogView } from "@/lib/catalog-params";
import type { CategoryDto } from "@/lib/contracts/catalog";

/** Every category with its number of products; moving between them keeps the sort and the stock filter. */
interface CategoryNavProps {
  categories: CategoryDto[];
  /** Active products in all categories together. */
  total: number;
  view: CatalogView;
}

export function CategoryNav({ categories, total, view }: CategoryNavProps) {
  const links = [
    { slug: undefined, name: "All products", productCount: total },
    ...categories.filter((category) => category.productCount > 0 || category.slug === view.category),
  ];
  return (
    <nav className="category-nav" aria-label="Categories">
      <ul>
        {links.map((link) => (
          <li key={link.slug ?? ""}>
            <Link
              href={catalogHref({ ...view, q: undefined, category: link.slug })}
              // Within a search the link leads to the whole category, so it marks where the shopper is, not this page.
              aria-current={link.slug === view.category ? (view.q ? "true" : "page") : undefined}
            >
              <span>{link.name}</span>{" "}
              <span className="category-nav__count">
                {link.productCount}
                <span className="visually-hidden"> products</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
