import { adminMetadata, requireAdminArea } from "@/server/auth/require-admin";
import { ProductForm } from "@/components/admin/product-form";

export const generateMetadata = adminMetadata("New product");

export default async function NewProductPage() {
  await requireAdminArea();
  return (
    <>
      <h1>New product</h1>
      <ProductForm />
    </>
  );
}
