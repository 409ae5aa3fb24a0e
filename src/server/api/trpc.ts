import { initTRPC, TRPCError } from "@trpc/server";
import { env } from "@/env";
import { isDataException } from "../db/errors";
import { DomainError } from "../domain/errors";
import { enforceRateLimit, type RateLimitPolicy } from "../http/rate-limit";
import { logger } from "../observability/logger";
import type { Context } from "./context";
import { publicError, type PublicErrorData } from "./error-format";

const t = initTRPC.context<Context>().create({
  sse: {
    // A host's request limit then ends the stream cleanly and the client resumes from its last event id.
    maxDurationMs: env.SSE_MAX_DURATION_SECONDS * 1000,
    ping: { enabled: true, intervalMs: env.SSE_PING_SECONDS * 1000 },
    // Three missed pings: the connection is dead even if the socket does not say so.
    client: { reconnectAfterInactivityMs: env.SSE_PING_SECONDS * 3000 },
  },
  errorFormatter({ shape, error }) {
    const { message, issues, details } = publicError(error);
    const data: PublicErrorData = {
      // Safe domain details (e.g. productIds) sit beside the fixed keys, which always win.
      ...details,
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      ...(issues ? { issues } : {}),
    };
    return { code: shape.code, message, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Business-rule failures become the tRPC error of the same name; anything else stays a 500. */
const domainErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
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

export const publicProcedure = t.procedure.use(domainErrors);

/** Narrows ctx.actor to a signed-in user, so a forgotten check is a type error. */
export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const actor = await ctx.getActor();
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { actor } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This needs an administrator account." });
  }
  return next({ ctx: { actor: ctx.actor } });
});

/** A public procedure that counts calls per client address against `policy` first. */
export function rateLimitedProcedure(policy: RateLimitPolicy) {
  return publicProcedure.use(async ({ ctx, next }) => {
    await enforceRateLimit(ctx.db, policy, ctx.clientIp);
    return next();
  });
}
