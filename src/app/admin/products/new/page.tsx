import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { ProductForm } from "@/components/admin/product-form";
import { getQueryClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("New product");

export default async function NewProductPage() {
  await requireAdminArea();
  const categories = await getQueryClient().fetchQuery(trpc.catalog.categories.queryOptions());
  return (
    <>
      <h1>New product</h1>
      <ProductForm categories={categories} />
    </>
  );
}
