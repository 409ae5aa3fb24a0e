import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { env } from "@/env";
import { roleCan, scopeNeeded, type Permission } from "@/lib/permissions";
import type { Identity } from "../auth/identity";
import { isDataException } from "../db/errors";
import { DomainError } from "../domain/errors";
import { rateLimitAddress } from "../http/rate-limit/address-key";
import { RateLimitExceeded } from "../http/rate-limit/limiter";
import { tierPolicies, type RateLimitPolicy } from "../http/rate-limit/policies";
import { logger } from "../observability/logger";
import { metrics } from "../observability/metrics";
import type { Context } from "./context";
import { databaseFault, readTooSlow } from "./database-faults";
import { trpcErrorShape } from "./error-format";
import { sseSettings } from "./sse-settings";

/**
 * Who may call a procedure: anyone, any signed-in caller, or callers whose role
 * grants a permission (and, for API tokens, whose scopes cover it).
 */
export type Access = "public" | "signed-in" | Permission;

/** How the REST face serves a procedure beyond what trpc-to-openapi describes. */
export interface RestMeta {
  /**
   * `created`: answer 201 with `Location: <request path>/<output id>`. `accepted`: answer 202 (the
   * work goes on elsewhere, e.g. the payment) with the Location of `output.order` to poll.
   */
  created?: boolean;
  accepted?: boolean;
  /** Request headers that fill input fields (header name → field), required on the REST face. */
  headerInputs?: Record<string, string>;
}

/** `access` is set by `procedure(access)`, never by a router (see below). */
export type Meta = OpenApiMeta<{ access?: Access; rest?: RestMeta }>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    sse: sseSettings,
    errorFormatter({ shape, error }) {
      return trpcErrorShape(error, shape.data.path);
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * One log line and one metric sample per call, on every face (tRPC, REST,
 * server components): request id, procedure, caller when known, result code,
 * duration. Inputs are never logged.
 */
const observed = t.middleware(async ({ next, ctx, path, type }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  const code = result.ok ? "OK" : result.error.code;
  const { procedureCalls, procedureDuration } = metrics();
  procedureCalls.inc({ procedure: path, type, code });
  // A stream's call ends when it opens; its duration says nothing.
  if (type !== "subscription") procedureDuration.observe({ procedure: path, type, code }, seconds);
  const identity = await ctx.identityIfResolved()?.catch(() => null);
  logger.info(
    {
      requestId: ctx.requestId,
      procedure: path,
      type,
      userId: identity?.id,
      code,
      ms: Math.round(seconds * 10_000) / 10,
    },
    "procedure call",
  );
  return result;
});

/**
 * Business-rule failures become the tRPC error of the same name, a database
 * that is away or too slow a 503; anything else stays a 500.
 */
const domainErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  if (cause instanceof RateLimitExceeded) {
    const limited = new DomainError("TOO_MANY_REQUESTS", cause.message, { retryAfterSeconds: cause.retryAfterSeconds });
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause: limited });
  }
  const fault = databaseFault(cause);
  if (fault) {
    logger.warn({ err: cause, path, requestId: ctx.requestId }, "procedure failed: database unavailable or too slow");
    throw new TRPCError({ code: fault.code, message: fault.message, cause: fault });
  }
  if (isDataException(cause)) {
    // Input that zod let through but PostgreSQL cannot hold is still the caller's mistake.
    throw new TRPCError({ code: "BAD_REQUEST", message: "Some of the input is not acceptable as given." });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    logger.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, "procedure failed");
  }
  return result;
});

/**
 * Reads answer within READ_TIMEOUT_MS or get a 503: statement_timeout bounds
 * work on the server, but not a slow network or a pool waiting to reconnect.
 * Mutations run to the end, so a client is never told "failed" about a write
 * that then commits.
 */
const readDeadline = t.middleware(async ({ next, type }) => {
  if (type !== "query") return next();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(readTooSlow()), env.READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([next(), late]);
  } finally {
    clearTimeout(timer);
  }
});

/** Throws FORBIDDEN unless the identity's role, and its token's scopes, allow `permission`. */
export function authorize(identity: Identity, permission: Permission): void {
  if (!roleCan(identity.role, permission)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your account is not allowed to do this." });
  }
  if (identity.scopes === null) return;
  const scope = scopeNeeded(permission);
  if (scope === null) {
    throw new TRPCError({ code: "FORBIDDEN", message: "API tokens cannot do this; sign in to the shop instead." });
  }
  if (!identity.scopes.includes(scope)) {
    throw new TRPCError({ code: "FORBIDDEN", message: `This API token lacks the "${scope}" scope.` });
  }
}

/** The loose tier every call passes: writes (mutations) or reads (queries, stream opens), per caller. */
async function consumeTier(ctx: Context, type: string, subject: string): Promise<void> {
  const policy = type === "mutation" ? tierPolicies.writes : tierPolicies.reads;
  if (policy) await ctx.rateLimiter.consume(policy, subject);
}

/** Every rule but "public": the caller must be known, and for a permission, allowed it. */
export type ProtectedAccess = Exclude<Access, "public">;

function misdeclared(path: string, declared: Access | undefined, built: Access): TRPCError {
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: `${path} was built for access ${JSON.stringify(built)} but declares ${JSON.stringify(declared)}`,
  });
}

const base = t.procedure.use(observed).use(domainErrors).use(readDeadline);

/** Anyone may call it; the loose tier counts per client address. */
function publicBuilder(access: "public") {
  return base.meta({ access }).use(async ({ ctx, meta, path, type, next }) => {
    if (meta?.access !== access) throw misdeclared(path, meta?.access, access);
    await consumeTier(ctx, type, `address:${rateLimitAddress(ctx.clientIp)}`);
    return next();
  });
}

/**
 * UNAUTHORIZED without an identity, FORBIDDEN when role or token scopes lack
 * the permission, then the caller's loose tier; narrows `ctx.actor`, so a
 * handler can never forget the check.
 */
function protectedBuilder(access: ProtectedAccess) {
  return base.meta({ access }).use(async ({ ctx, meta, path, type, next }) => {
    if (meta?.access !== access) throw misdeclared(path, meta?.access, access);
    const actor = await ctx.getActor();
    if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    if (access !== "signed-in") authorize(actor, access);
    await consumeTier(ctx, type, `user:${actor.id}`);
    return next({ ctx: { actor } });
  });
}

/**
 * The one way to start a procedure: its access rule picks the builder, so a
 * public procedure has no `ctx.actor` to use and a protected one always has
 * it; the rule is also recorded as `meta.access`, which the REST face, the
 * docs and the access test read. A later `.meta({ access })` that contradicts
 * it fails every call (and the access test).
 */
export function procedure(access: "public"): ReturnType<typeof publicBuilder>;
export function procedure(access: ProtectedAccess): ReturnType<typeof protectedBuilder>;
export function procedure(access: Access) {
  return access === "public" ? publicBuilder(access) : protectedBuilder(access);
}

/** A middleware that spends one request of `policy`, keyed by `subject` (the client address by default). */
export function rateLimit(
  policy: RateLimitPolicy,
  subject: (ctx: Context) => string = (ctx) => rateLimitAddress(ctx.clientIp),
) {
  return t.middleware(async ({ ctx, next }) => {
    await ctx.rateLimiter.consume(policy, subject(ctx));
    return next();
  });
}
