import { formatDateTime } from "@/lib/format-date";

/** When a code may be used, in words: "Always", "From …", "Until …", "… to …". */
export function validityLabel({ startsAt, endsAt }: { startsAt: string | null; endsAt: string | null }): string {
  if (startsAt && endsAt) return `${formatDateTime(startsAt)} to ${formatDateTime(endsAt)}`;
  if (startsAt) return `From ${formatDateTime(startsAt)}`;
  if (endsAt) return `Until ${formatDateTime(endsAt)}`;
  return "No start or end";
}
