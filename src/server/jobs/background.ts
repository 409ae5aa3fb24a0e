import { env, isBuildPhase } from "@/env";
import { getConnection } from "../db/client";
import { jobCounts } from "../domain/jobs/job-counts";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import { isShuttingDown, onShutdown } from "../runtime/lifecycle";
import { startJobWorker } from "./worker";

async function start(): Promise<void> {
  const connection = await getConnection();
  metrics().sources.jobCounts = () => jobCounts(connection.db);
  if (!env.JOBS_WORKER) {
    logger.info("job worker off (JOBS_WORKER=false): this instance only queues jobs");
    return;
  }
  const worker = await startJobWorker(connection);
  let stopping: Promise<void> | undefined;
  // Stop taking jobs as soon as shutdown begins; running ones may use the drain's time to finish.
  onShutdown("job worker", "release", () => {
    stopping = worker.stop(env.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    return Promise.resolve();
  });
  onShutdown("job worker", "finish", async () => {
    await stopping;
  });
  logger.info("job worker started");
}

const RETRY_START_MS = 10_000;

async function startUntilRunning(): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (isShuttingDown()) return;
    // A database that is down at boot comes back; jobs wait in the queue meanwhile.
    logger.warn({ err: error, retryInMs: RETRY_START_MS }, "the job worker could not start; trying again");
    setTimeout(() => void startUntilRunning(), RETRY_START_MS).unref();
  }
}

const store = globalThis as typeof globalThis & { __storefrontJobs?: Promise<void> };

/** Starts this process's job worker once (instrumentation calls it when the server starts; not during `next build`). */
export function startBackgroundWork(): Promise<void> {
  if (isBuildPhase) return Promise.resolve();
  store.__storefrontJobs ??= startUntilRunning();
  return store.__storefrontJobs;
}
