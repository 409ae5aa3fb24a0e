import type { TRPCRouterRecord } from "@trpc/server";
import { adminUser, setDisabledInput, setRoleInput, usersListInput, usersPage } from "@/lib/contracts/admin";
import { listUsers } from "../../../domain/users/list-users";
import { setDisabled } from "../../../domain/users/set-disabled";
import { setRole } from "../../../domain/users/set-role";
import { auditContext } from "../../audit-context";
import { procedure } from "../../trpc";

export const adminUsersRouter = {
  list: procedure("read:user:any")
    .input(usersListInput)
    .output(usersPage)
    .query(({ ctx, input }) => listUsers(ctx.db, input)),

  /** The last administrator cannot be demoted (CONFLICT); the new role applies from the user's next request. */
  setRole: procedure("update:user:any")
    .input(setRoleInput)
    .output(adminUser)
    .mutation(({ ctx, input }) => setRole(ctx.db, auditContext(ctx), input)),

  /** A disabled account cannot sign in; its sessions and tokens stop working on the next request. */
  setDisabled: procedure("update:user:any")
    .input(setDisabledInput)
    .output(adminUser)
    .mutation(({ ctx, input }) => setDisabled(ctx.db, auditContext(ctx), input)),
} satisfies TRPCRouterRecord;
