import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { signUpInput } from "@/lib/validation/auth";
import { signUp } from "../../domain/users/sign-up";
import { rateLimitPolicies } from "../../http/rate-limit";
import { rateLimitedProcedure } from "../trpc";
import { accountDto } from "./account";

export const authRouter = {
  /** Anyone may create a customer account; strictly rate limited per client address. */
  signUp: rateLimitedProcedure(rateLimitPolicies.signUp)
    .input(signUpInput)
    .output(z.object({ user: accountDto }))
    .mutation(async ({ ctx, input }) => ({ user: await signUp(ctx.db, input) })),
} satisfies TRPCRouterRecord;
