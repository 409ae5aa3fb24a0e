import pino from "pino";
import { env } from "@/env";

/** The one logger. JSON lines on stdout; never log card numbers, passwords or tokens. */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: undefined,
  redact: ["password", "*.password", "cardNumber", "*.cardNumber", "token", "*.token"],
});
