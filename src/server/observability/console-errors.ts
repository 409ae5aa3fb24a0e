import type { Logger } from "pino";

/**
 * Next.js reports the errors it catches (a failed render, an invalid server
 * action) with console.error, outside our logger: plain text, and whatever an
 * error's message carries (a failed statement's parameters, say). Sending
 * console.error through the logger gives those lines the same JSON shape and
 * the same scrubbing as ours. Returns the replacement for console.error.
 */
export function consoleErrorsThrough(log: Pick<Logger, "error">): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const err = args.find((arg): arg is Error => arg instanceof Error);
    const text = args
      .filter((arg) => !(arg instanceof Error))
      .map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg)))
      .join(" ")
      .trim();
    log.error({ err, source: "console" }, text || err?.message || "console.error");
  };
}
