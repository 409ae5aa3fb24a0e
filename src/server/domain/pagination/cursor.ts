import { z } from "zod";
import { DomainError } from "../errors";

/** A keyset position: the sort column's value and the id that breaks ties. */
export interface Cursor<V extends string | number = string | number> {
  value: V;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString("base64url");
}

/** Opaque to clients; anything that does not decode to the expected shape is BAD_REQUEST. */
export function decodeCursor<V extends string | number>(encoded: string, valueSchema: z.ZodType<V>): Cursor<V> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = z.tuple([valueSchema, z.uuid()]).safeParse(raw);
  if (!parsed.success) {
    throw new DomainError(
      "BAD_REQUEST",
      "This page cursor is invalid or belongs to another list or sort order; start again from the first page.",
    );
  }
  const [value, id] = parsed.data;
  return { value, id };
}

/** A timestamp PostgreSQL can hold: years 1 to 9999. */
export const timestampCursorValue = z.iso
  .datetime({ offset: true })
  .refine((value) => /^(?!0000)\d{4}-/.test(value), "Timestamp out of range");
