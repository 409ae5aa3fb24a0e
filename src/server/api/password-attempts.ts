import { WrongCurrentPassword } from "../domain/users/change-password";
import { refundSignInAttempt, spendSignInAttempt } from "../http/rate-limit/limiter";
import type { Context } from "./context";

/**
 * Runs something that checks a password the caller typed (changing it,
 * confirming a sensitive step) as a sign-in attempt: it spends from the same
 * failure budgets, keyed the same way (the address's /64 network, the account,
 * both), before the check, and gives the attempt back unless the password was
 * wrong. A live session is then no way around the sign-in limits.
 */
export async function asPasswordAttempt<T>(ctx: Context, email: string, attempt: () => Promise<T>): Promise<T> {
  await spendSignInAttempt(ctx.rateLimiter, email, ctx.clientIp);
  try {
    const result = await attempt();
    await refundSignInAttempt(ctx.rateLimiter, email, ctx.clientIp);
    return result;
  } catch (error) {
    if (!(error instanceof WrongCurrentPassword)) await refundSignInAttempt(ctx.rateLimiter, email, ctx.clientIp);
    throw error;
  }
}
