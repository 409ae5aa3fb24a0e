import type { Redis } from "ioredis";
import { gcraParameters } from "./policies";
import { bucketKey, type RateLimitStore } from "./store";

// GCRA in one script, on Redis's clock: atomic per key, no round trip between read and write.
const GCRA_SCRIPT = `
local interval = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local spend = ARGV[3] == "1"
local time = redis.call("TIME")
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(redis.call("GET", KEYS[1]) or now)
if tat < now then tat = now end
local next_tat = tat + interval
local allowed = next_tat - period <= now
if allowed and spend then
  redis.call("SET", KEYS[1], tostring(next_tat), "PX", math.max(1, math.ceil(next_tat - now)))
end
return { allowed and 1 or 0, tostring(next_tat - period - now) }
`;

// Moves the bucket's arrival time back by one interval; a bucket that is full again is deleted.
const REFUND_SCRIPT = `
local stored = redis.call("GET", KEYS[1])
if not stored then return 0 end
local time = redis.call("TIME")
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local tat = tonumber(stored) - tonumber(ARGV[1])
if tat <= now then redis.call("DEL", KEYS[1]) else redis.call("SET", KEYS[1], tostring(tat), "PX", math.ceil(tat - now)) end
return 1
`;

type RefundCommand = (key: string, interval: number) => Promise<number>;
type GcraCommand = (key: string, interval: number, period: number, spend: "1" | "0") => Promise<[number, string]>;

/** Buckets in Redis (REDIS_URL), shared by every instance; keys expire when their bucket is full again. */
export function createRedisStore(redis: Redis, prefix = "storefront:rl:"): RateLimitStore {
  redis.defineCommand("storefrontGcra", { numberOfKeys: 1, lua: GCRA_SCRIPT });
  redis.defineCommand("storefrontGcraRefund", { numberOfKeys: 1, lua: REFUND_SCRIPT });
  const commands = redis as unknown as { storefrontGcra: GcraCommand; storefrontGcraRefund: RefundCommand };
  const gcra = commands.storefrontGcra.bind(redis);
  const refund = commands.storefrontGcraRefund.bind(redis);
  async function run(policy: Parameters<RateLimitStore["take"]>[0], subject: string, spend: boolean) {
    const { intervalMs, periodMs } = gcraParameters(policy);
    const [allowed, waitMs] = await gcra(
      `${prefix}${bucketKey(policy, subject)}`,
      intervalMs,
      periodMs,
      spend ? "1" : "0",
    );
    return {
      allowed: allowed === 1,
      retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil(Number(waitMs) / 1000)),
    };
  }
  return {
    take: (policy, subject) => run(policy, subject, true),
    peek: (policy, subject) => run(policy, subject, false),
    refund: async (policy, subject) => {
      await refund(`${prefix}${bucketKey(policy, subject)}`, gcraParameters(policy).intervalMs);
    },
  };
}
