import pino from "pino";
import pretty from "pino-pretty";
import { env } from "@/env";

type SerializedError = Omit<ReturnType<typeof pino.stdSerializers.err>, "cause"> & Record<string, unknown>;

// A failed statement's message carries its parameters (emails, names, ids): never write those to a log.
const PARAMETERS = /\s*params:[\s\S]*$/;

/** Errors as pino writes them, minus SQL parameters and database row details anywhere in the cause chain. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as SerializedError;
  delete serialized.params;
  delete serialized.detail;
  delete serialized.where;
  serialized.message = serialized.message.replace(PARAMETERS, "");
  if (typeof serialized.stack === "string") {
    serialized.stack = serialized.stack.replace(/\nparams:[^\n]*/g, "");
  }
  if (error.cause !== undefined) serialized.cause = serializeError(error.cause);
  return serialized;
}

// Readable lines for people in development (formatted in-process: no worker thread for Next to bundle).
const destination =
  env.NODE_ENV === "development" ? pretty({ sync: true, colorize: true, ignore: "pid,hostname" }) : undefined;

/**
 * The one logger: JSON lines on stdout in production and tests, readable ones in
 * development. Never log card numbers, passwords, tokens, cookies or SQL parameters.
 */
export const logger = pino(
  {
    level: env.LOG_LEVEL,
    base: undefined,
    serializers: { err: serializeError },
    redact: {
      paths: [
        "password",
        "*.password",
        "currentPassword",
        "newPassword",
        "cardNumber",
        "*.cardNumber",
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "cookie",
        "*.cookie",
      ],
      censor: "[redacted]",
    },
  },
  destination,
);
