import { z } from "zod";

/** Every list is keyset-paginated: pass `nextCursor` back as `cursor` for the next page. */
export const cursorInput = z
  .string()
  .max(512, "Cursor is too long")
  .optional()
  .meta({ description: "The `nextCursor` of the previous page; omit for the first page." });

export const nextCursor = z
  .string()
  .nullable()
  .meta({ description: "Pass as `cursor` to get the next page; null on the last page." });

/** Dates leave the server as ISO 8601 strings (UTC), on every face. */
export const isoDateTime = z.iso.datetime().meta({ example: "2026-11-23T10:15:00.000Z" });

export const currency = z.string().meta({ description: "ISO 4217 currency code of the store.", example: "USD" });

export const cents = (description: string) => z.number().int().meta({ description, example: 1800 });

/** The input of a procedure that takes none: anything sent is refused with a message that says so. */
export const noInput = z.void({ error: "This procedure takes no input: send an empty body, or none." });
