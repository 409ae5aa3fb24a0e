import { z } from "zod";

export type FieldErrors<K extends string> = Partial<Record<K, string[]>>;

/** Client-side zod failures, keyed by top-level field: shown next to each input. */
export function fieldErrorsFromZod<K extends string>(error: z.ZodError): FieldErrors<K> {
  return z.flattenError(error).fieldErrors as FieldErrors<K>;
}

/** The server's `data.issues` (same schema, same messages), keyed the same way. */
export function fieldErrorsFromIssues<K extends string>(
  issues: { path: string; message: string }[] | undefined,
): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues ?? []) {
    const key = issue.path.split(".")[0] as K;
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
