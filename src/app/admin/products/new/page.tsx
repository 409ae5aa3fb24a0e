import { ProductForm } from "@/components/admin/product-form";

export const metadata = { title: "New product" };

export default function NewProductPage() {
  return (
    <>
      <h1>New product</h1>
      <ProductForm />
    </>
  );
}
