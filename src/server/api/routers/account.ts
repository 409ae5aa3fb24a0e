import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { userRoles } from "../../db/schema/users";
import { protectedProcedure } from "../trpc";

export const accountDto = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
});

export const accountRouter = {
  /** Customers and admins: who the session or token belongs to. */
  me: protectedProcedure
    .input(z.void())
    .output(accountDto)
    .query(({ ctx }) => {
      const { id, email, name, role } = ctx.actor;
      return { id, email, name, role };
    }),
} satisfies TRPCRouterRecord;
