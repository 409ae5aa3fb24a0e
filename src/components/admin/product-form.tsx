"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/forms/field-error";
import { fieldErrorsFromIssues, fieldErrorsFromZod, type FieldErrors } from "@/components/forms/field-errors";
import { createProductInput, updateProductInput } from "@/lib/contracts/admin";
import { GENERAL_CATEGORY_ID } from "@/lib/general-category";
import { slugify } from "@/lib/slugify";
import { errorCode, errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";

type Field = "name" | "slug" | "description" | "priceCents" | "stock" | "imageUrl" | "categoryId";
type Product = RouterOutputs["admin"]["products"]["byId"];

function cents(value: FormDataEntryValue | null): number {
  const text = String(value ?? "").trim();
  return text === "" ? Number.NaN : Math.round(Number(text) * 100);
}

function optional(value: FormDataEntryValue | null): string | undefined {
  const text = String(value ?? "").trim();
  return text === "" ? undefined : text;
}

/** Creates a product, or edits one: the same zod schemas as the server, errors beside each field. */
interface ProductFormProps {
  product?: Product;
  /** Where the product can go, in display order. */
  categories: { id: string; name: string }[];
}

export function ProductForm({ product, categories }: ProductFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [slug, setSlug] = useState(product?.slug ?? "");
  const [slugTouched, setSlugTouched] = useState(Boolean(product));
  const done = async () => {
    await queryClient.invalidateQueries(trpc.admin.pathFilter());
    router.push("/admin/products");
  };
  const onError = (error: { data?: { issues?: { path: string; message: string }[] } | null; message: string }) => {
    if (errorCode(error) === "CONFLICT") setErrors({ slug: [error.message] });
    else setErrors(fieldErrorsFromIssues<Field>(error.data?.issues ?? undefined));
  };
  const create = useMutation(trpc.admin.products.create.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.admin.products.update.mutationOptions({ onSuccess: done, onError }));
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      name: form.get("name"),
      slug: form.get("slug"),
      description: form.get("description") ?? "",
      priceCents: cents(form.get("price")),
      imageUrl: optional(form.get("imageUrl")) ?? null,
      categoryId: form.get("categoryId"),
    };
    if (product) {
      const parsed = updateProductInput.safeParse({ ...fields, id: product.id, active: form.get("active") === "on" });
      if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
      setErrors({});
      update.mutate(parsed.data);
    } else {
      const parsed = createProductInput.safeParse({ ...fields, stock: Number(form.get("stock")) });
      if (!parsed.success) return setErrors(fieldErrorsFromZod<Field>(parsed.error));
      setErrors({});
      create.mutate(parsed.data);
    }
  }

  const describedBy = (field: Field, hint?: string) =>
    [errors[field] ? `${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form className="form panel" onSubmit={submit} noValidate style={{ maxWidth: "36rem" }}>
      <div aria-live="polite">
        {failure && errorCode(failure) !== "CONFLICT" && !failure.data?.issues ? (
          <p className="notice notice--error">{errorMessage(failure)}</p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="name">Name</label>
        <input
          id="name"
          name="name"
          className="input"
          defaultValue={product?.name}
          maxLength={120}
          onChange={(event) => {
            if (!slugTouched) setSlug(slugify(event.target.value));
          }}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={describedBy("name")}
        />
        <FieldError id="name-error" messages={errors.name} />
      </div>
      <div className="field">
        <label htmlFor="slug">Page address</label>
        <input
          id="slug"
          name="slug"
          className="input"
          value={slug}
          maxLength={200}
          onChange={(event) => {
            setSlugTouched(true);
            setSlug(event.target.value);
          }}
          aria-invalid={Boolean(errors.slug)}
          aria-describedby={describedBy("slug", "slug-hint")}
        />
        <p id="slug-hint" className="field__hint">
          The product page will be /products/{slug || "…"}
        </p>
        <FieldError id="slug-error" messages={errors.slug} />
      </div>
      <div className="field">
        <label htmlFor="description">Description</label>
        <textarea
          id="description"
          name="description"
          className="input"
          rows={3}
          maxLength={2000}
          defaultValue={product?.description}
          aria-invalid={Boolean(errors.description)}
          aria-describedby={describedBy("description")}
        />
        <FieldError id="description-error" messages={errors.description} />
      </div>
      <div className="field">
        <label htmlFor="price">Price (USD)</label>
        <input
          id="price"
          name="price"
          type="number"
          min={0}
          step="0.01"
          className="input"
          defaultValue={product ? (product.priceCents / 100).toFixed(2) : undefined}
          aria-invalid={Boolean(errors.priceCents)}
          aria-describedby={describedBy("priceCents")}
        />
        <FieldError id="priceCents-error" messages={errors.priceCents} />
      </div>
      {product ? (
        <p className="field__hint">
          In stock: {product.stock}. Change stock with “Adjust stock” in the product list, so every change has a reason.
        </p>
      ) : (
        <div className="field">
          <label htmlFor="stock">Stock</label>
          <input
            id="stock"
            name="stock"
            type="number"
            min={0}
            step={1}
            className="input"
            defaultValue={0}
            aria-invalid={Boolean(errors.stock)}
            aria-describedby={describedBy("stock")}
          />
          <FieldError id="stock-error" messages={errors.stock} />
        </div>
      )}
      <div className="field">
        <label htmlFor="categoryId">Category</label>
        <select
          id="categoryId"
          name="categoryId"
          className="select"
          defaultValue={product?.categoryId ?? GENERAL_CATEGORY_ID}
          aria-invalid={Boolean(errors.categoryId)}
          aria-describedby={describedBy("categoryId")}
        >
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
        <FieldError id="categoryId-error" messages={errors.categoryId} />
      </div>
      <div className="field">
        <label htmlFor="imageUrl">Picture (optional)</label>
        <input
          id="imageUrl"
          name="imageUrl"
          className="input"
          defaultValue={product?.imageUrl ?? undefined}
          placeholder="https://…"
          aria-invalid={Boolean(errors.imageUrl)}
          aria-describedby={describedBy("imageUrl", "imageUrl-hint")}
        />
        <p id="imageUrl-hint" className="field__hint">
          An https:// address or a path on this site. Left empty, the shop draws a picture from the product&apos;s name.
        </p>
        <FieldError id="imageUrl-error" messages={errors.imageUrl} />
      </div>
      {product ? (
        <label className="checkbox">
          <input type="checkbox" name="active" defaultChecked={product.active} />
          <span>In the catalog (unticked: archived)</span>
        </label>
      ) : null}
      <div className="row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? "Saving…" : product ? "Save changes" : "Create product"}
        </button>
        <button type="button" className="button button--secondary" onClick={() => router.push("/admin/products")}>
          Cancel
        </button>
      </div>
    </form>
  );
}
