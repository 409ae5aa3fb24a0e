import type { ReactNode } from "react";
import { loadCategory } from "./load-category";

/**
 * Checks the category before the page's loading state streams out: outside that
 * Suspense boundary, an unknown category still answers with a real 404 status.
 */
export default async function CategoryLayout({
  params,
  children,
}: {
  params: Promise<{ slug: string }>;
  children: ReactNode;
}) {
  await loadCategory((await params).slug);
  return children;
}
