import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | undefined;

/**
 * True for the ~49,000 passwords people choose most (zxcvbn's list: "123456",
 * "password123", …), in any letter case. Length is the form's rule; this is
 * the only other one: no composition rules.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((entry) => String(entry).toLowerCase()));
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE = "This password is one of the most common ones; choose a less guessable one";
