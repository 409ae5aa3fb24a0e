import { Redis } from "ioredis";
import { env } from "@/env";
import type { Db } from "../../db/types";
import { logger } from "../../observability/logger";
import { onShutdown } from "../../runtime/lifecycle";
import { createRateLimiter, type RateLimiter } from "./limiter";
import { createMemoryStore } from "./memory-store";
import { createPostgresStore } from "./postgres-store";
import { createRedisStore } from "./redis-store";
import type { RateLimitStore } from "./store";

const store = globalThis as typeof globalThis & {
  __storefrontRedis?: Redis;
  __storefrontReadLimits?: RateLimitStore;
};

/** The process's Redis client for rate limits, when REDIS_URL is set. */
function redis(url: string): Redis {
  if (!store.__storefrontRedis) {
    // Commands wait for the connection (the first ones of a process come before it is up), but never
    // longer than commandTimeout: with Redis down the limiter fails open within half a second.
    const client = new Redis(url, { commandTimeout: 500, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    client.on("error", (error) => logger.warn({ err: error }, "redis error"));
    onShutdown("redis", "close", async () => {
      await client.quit();
    });
    store.__storefrontRedis = client;
  }
  return store.__storefrontRedis;
}

const limiters = new WeakMap<Db, RateLimiter>();

/** The limiter for requests on `db`: Redis when REDIS_URL is set, else that database; reads in memory. */
export function rateLimiterFor(db: Db): RateLimiter {
  let limiter = limiters.get(db);
  if (!limiter) {
    const shared = env.REDIS_URL ? createRedisStore(redis(env.REDIS_URL)) : createPostgresStore(db);
    store.__storefrontReadLimits ??= createMemoryStore();
    limiters.set(db, (limiter = createRateLimiter(shared, store.__storefrontReadLimits)));
  }
  return limiter;
}
