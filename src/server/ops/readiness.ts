import { getConnection } from "../db/client";
import { migrationsAreApplied } from "../db/migration-status";
import { logger } from "../observability/logger";
import { isShuttingDown } from "../runtime/lifecycle";

/** A readiness probe that cannot hang: past this the database counts as unavailable. */
const READY_TIMEOUT_MS = 3_000;

export type Readiness = { ready: true } | { ready: false; reason: string };

function withinBound<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance should get traffic: not while it shuts down, and only
 * when the database answers and carries every migration this build ships.
 */
export async function readiness(): Promise<Readiness> {
  if (isShuttingDown()) return { ready: false, reason: "This instance is shutting down." };
  try {
    const applied = await withinBound(getConnection().then((connection) => migrationsAreApplied(connection.db)));
    return applied ? { ready: true } : { ready: false, reason: "The database is missing migrations of this build." };
  } catch (error) {
    logger.warn({ err: error }, "readiness check: database unavailable");
    return { ready: false, reason: "The database is not answering." };
  }
}
