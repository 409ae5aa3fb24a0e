import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compared as digests: equal lengths, and no early exit that times how much of the secret matched. */
export function sameSecret(offered: string, expected: string): boolean {
  return timingSafeEqual(digest(offered), digest(expected));
}
