import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Readings only other modules can take; they register them when they start (event bus, database). */
export interface MetricSources {
  liveSubscriptions?: () => number;
  /** This process's database connections by state (`active` ones are in use). */
  databaseConnections?: () => Promise<Record<string, number>>;
  /** Jobs waiting, running and failed, by queue and state (read from the job tables). */
  jobCounts?: () => Promise<{ queue: string; state: string; count: number }[]>;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const sources: MetricSources = {};
  return {
    registry,
    sources,
    httpRequests: new Counter({
      name: "storefront_http_requests_total",
      help: "HTTP requests answered, by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "storefront_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer (live streams excluded), by route, method and status.",
      labelNames: ["route", "method", "status"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    procedureCalls: new Counter({
      name: "storefront_trpc_calls_total",
      help: "tRPC procedure calls (tRPC face, REST face and server components), by procedure, type and result code.",
      labelNames: ["procedure", "type", "code"] as const,
      registers: [registry],
    }),
    procedureDuration: new Histogram({
      name: "storefront_trpc_call_duration_seconds",
      help: "Time spent in a procedure, by procedure, type and result code.",
      labelNames: ["procedure", "type", "code"] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    eventLag: new Histogram({
      name: "storefront_event_bus_lag_seconds",
      help: "Time from an event's commit to its fan-out to this process's live subscribers.",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    liveSubscriptions: new Gauge({
      name: "storefront_live_subscriptions",
      help: "Open live-update subscriptions (SSE streams) in this process.",
      registers: [registry],
      collect() {
        this.set(sources.liveSubscriptions?.() ?? 0);
      },
    }),
    databaseConnections: new Gauge({
      name: "storefront_db_connections",
      help: "This process's database connections by state; `active` ones are in use.",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const counts = (await sources.databaseConnections?.().catch(() => undefined)) ?? {};
        for (const [state, count] of Object.entries(counts)) this.set({ state }, count);
      },
    }),
    jobs: new Gauge({
      name: "storefront_jobs",
      help: "Jobs by queue and state (created, retry, active, failed…), across every instance.",
      labelNames: ["queue", "state"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const counts = (await sources.jobCounts?.().catch(() => undefined)) ?? [];
        for (const { queue, state, count } of counts) this.set({ queue, state }, count);
      },
    }),
    jobDuration: new Histogram({
      name: "storefront_job_duration_seconds",
      help: "Time a job ran in this process, by queue and outcome (completed, retry, failed).",
      labelNames: ["queue", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: "storefront_job_failures_total",
      help: "Job attempts that threw in this process, by queue and whether the job will be retried.",
      labelNames: ["queue", "final"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One registry per process: the production server and Next's bundles are separate module graphs.
const store = globalThis as typeof globalThis & { __storefrontMetrics?: Metrics };

export function metrics(): Metrics {
  store.__storefrontMetrics ??= createMetrics();
  return store.__storefrontMetrics;
}
