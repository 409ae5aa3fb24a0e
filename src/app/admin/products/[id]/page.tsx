import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ProductForm } from "@/components/admin/product-form";
import { getQueryClient, trpc } from "@/trpc/server";

export const generateMetadata = adminMetadata("Edit product");

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminArea();
  const { id } = await params;
  const queryClient = getQueryClient();
  let product, categories;
  try {
    [product, categories] = await Promise.all([
      queryClient.fetchQuery(trpc.admin.products.byId.queryOptions({ id })),
      queryClient.fetchQuery(trpc.catalog.categories.queryOptions()),
    ]);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <>
      <h1>Edit {product.name}</h1>
      <ProductForm product={product} categories={categories} />
    </>
  );
}
