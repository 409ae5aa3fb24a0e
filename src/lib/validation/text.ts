import { z } from "zod";

// PostgreSQL text cannot hold NUL; rejecting it here keeps it a 400, not a 500.
const NO_NUL = /^[^\u0000]*$/;

/** A string column's input: no NUL characters, at most `max` characters. */
export function textInput(max: number, tooLong: string) {
  return z.string().max(max, tooLong).regex(NO_NUL, "Must not contain NUL characters");
}
