export const REQUEST_ID_HEADER = "x-request-id";

/** A caller may name its request (to follow it through logs) with 8 to 128 safe characters. */
export function isValidRequestId(value: string): boolean {
  return /^[A-Za-z0-9._:-]{8,128}$/.test(value);
}
