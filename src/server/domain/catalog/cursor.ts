import { z } from "zod";
import type { CatalogSort } from "@/lib/validation/catalog";
import { DomainError } from "../errors";

/** A keyset position: the sort column's value and the id that breaks ties. */
export type Cursor = { value: string | number; id: string };

const valueBySort: Record<CatalogSort, z.ZodType<string | number>> = {
  newest: z.iso.datetime({ offset: true }),
  price_asc: z.number().int(),
  price_desc: z.number().int(),
  name: z.string().max(500),
};

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

export function decodeCursor(encoded: string, sort: CatalogSort): Cursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = z.tuple([valueBySort[sort], z.uuid()]).safeParse(raw);
  if (!parsed.success) {
    throw new DomainError(
      "BAD_REQUEST",
      "This page cursor is invalid or belongs to another sort order; start again from the first page.",
    );
  }
  const [value, id] = parsed.data;
  return { value, id };
}
