import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { accountExport, deleteAccountInput, mailPreferences } from "@/lib/contracts/account-data";
import { noInput } from "@/lib/contracts/common";
import { deleteAccount } from "../../domain/account-data/delete-account";
import { exportAccount } from "../../domain/account-data/export-account";
import { getMailPreferences, setMailPreferences } from "../../domain/account-data/mail-preferences";
import { recordAudit } from "../../domain/audit/record-audit";
import { verifyCurrentPassword } from "../../domain/users/change-password";
import { auditContext } from "../audit-context";
import { asPasswordAttempt } from "../password-attempts";
import { procedure } from "../trpc";

/** The account's data as its owner controls it: download, delete, and which optional mail it gets. */
export const accountDataProcedures = {
  exportData: procedure("export:account:own")
    .meta({
      openapi: {
        method: "GET",
        path: "/account/export",
        tags: ["Account"],
        summary: "Download everything the shop holds about you",
        errorResponses: { 401: "No valid token or session", 403: "The token lacks the account scope" },
        description:
          "Profile, sign-in methods, sessions, API tokens (never their secrets), cart, orders with their payments, and your activity log, as JSON.",
      },
    })
    .input(noInput)
    .output(accountExport)
    .query(async ({ ctx }) => {
      const data = await exportAccount(ctx.db, ctx.actor.id);
      await recordAudit(ctx.db, auditContext(ctx), { action: "account.data_exported" });
      return data;
    }),

  /**
   * Deletes the account (orders stay, without name or address). In the browser
   * the password confirms it; over the API, a token given the `account` scope does.
   */
  delete: procedure("delete:account:own")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/account",
        tags: ["Account"],
        summary: "Delete your account",
        errorResponses: {
          400: "Wrong current password (browser sessions)",
          401: "No valid token or session",
          403: "The token lacks the account scope",
          409: "Administrators cannot delete their own account",
        },
        description:
          "Ends every session, revokes every token, removes sign-in methods and the cart, and keeps your orders without your name or address. A confirmation mail goes to your address.",
      },
    })
    .input(deleteAccountInput.partial())
    .output(z.object({ deleted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.actor.method === "session") {
        const { currentPassword } = input;
        if (!currentPassword) {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: "Invalid input. currentPassword: Type your password to confirm",
          });
        }
        await asPasswordAttempt(ctx, ctx.actor.email, () =>
          verifyCurrentPassword(ctx.db, ctx.actor.id, currentPassword),
        );
      }
      return deleteAccount(ctx.db, auditContext(ctx));
    }),

  mailPreferences: procedure("update:account:own")
    .input(noInput)
    .output(mailPreferences)
    .query(({ ctx }) => getMailPreferences(ctx.db, ctx.actor.id)),

  setMailPreferences: procedure("update:account:own")
    .input(mailPreferences)
    .output(mailPreferences)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction(async (tx) => {
        await setMailPreferences(tx, ctx.actor.id, input);
        await recordAudit(tx, auditContext(ctx), { action: "account.mail_preferences_changed", summary: input });
      });
      return input;
    }),
} satisfies TRPCRouterRecord;
