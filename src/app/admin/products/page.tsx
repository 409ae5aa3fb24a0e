import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import Link from "next/link";
import { AdminProductTable } from "@/components/admin/product-table";
import { ADMIN_PAGE_SIZE } from "@/components/admin/paging";
import { firstParam } from "@/lib/first-param";
import { nextPageCursor } from "@/lib/paging";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Products");

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AdminProductsPage({ searchParams }: Props) {
  await requireAdminArea();
  const q =
    firstParam((await searchParams).q)
      ?.trim()
      .slice(0, 100) || undefined;
  await getQueryClient().prefetchInfiniteQuery(
    trpc.admin.products.list.infiniteQueryOptions({ q, limit: ADMIN_PAGE_SIZE }, { getNextPageParam: nextPageCursor }),
  );
  return (
    <HydrateClient>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Products</h1>
        <Link href="/admin/products/new" className="button">
          New product
        </Link>
      </div>
      <AdminProductTable q={q} />
    </HydrateClient>
  );
}
