import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./account";

// Shared by the forms (for the user's comfort) and the server (the real check).

/** A malformed token gets the same sentence as an unknown one: the link says no more than "it does not work". */
export const INVALID_LINK_MESSAGE = "This link is invalid or has expired. Ask for a new one.";

const linkToken = z
  .string()
  .trim()
  .min(1, INVALID_LINK_MESSAGE)
  .max(200, INVALID_LINK_MESSAGE)
  .meta({ description: "The `token` query parameter of the link in the mail." });

export const requestPasswordResetInput = z.object({ email: emailSchema });

export const resetPasswordInput = z.object({ token: linkToken, password: newPasswordSchema });

export const verifyEmailInput = z.object({ token: linkToken });

export const changeEmailInput = z.object({
  email: emailSchema,
  currentPassword: z.string().min(1, "Enter your password").max(128, "Password must be at most 128 characters"),
});

export const accepted = z
  .object({ ok: z.literal(true) })
  .meta({ id: "Accepted", description: "The request was taken; what follows arrives by mail." });

export const verifiedEmail = z
  .object({
    email: z
      .string()
      .meta({ description: "The account's address, now verified (for a change of address, the new one)." }),
    verified: z.literal(true),
  })
  .meta({ id: "VerifiedEmail" });

export const verificationSent = z.object({
  sentTo: z.string().meta({ description: "Where the new link went: the account's current address." }),
});

export const pendingEmail = z.object({
  pendingEmail: z
    .string()
    .meta({ description: "The new address; it replaces the current one once its link is followed." }),
});

export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
export type ChangeEmailInput = z.infer<typeof changeEmailInput>;
