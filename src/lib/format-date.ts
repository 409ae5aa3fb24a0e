const formatter = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates are shown in UTC so the server-rendered and hydrated text always agree. */
export function formatDateTime(iso: string): string {
  return `${formatter.format(new Date(iso))} UTC`;
}
