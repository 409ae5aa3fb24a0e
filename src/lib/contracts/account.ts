import { z } from "zod";
import { roles } from "../permissions";
import { textInput } from "../validation/text";

// Shared by the forms (for the user's comfort) and the server (the real check).
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"))
  .meta({ example: "shopper@storefront.test" });

export const newPasswordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(128, "Password must be at most 128 characters");

export const signUpInput = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  name: textInput(80, "Name must be at most 80 characters").trim().min(1, "Enter your name"),
});

export const signInInput = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, "Enter your password")
    .max(128, "Password must be at most 128 characters")
    .meta({ example: "storefront-demo" }),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().max(128, "Password must be at most 128 characters"),
  newPassword: newPasswordSchema,
});

export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const account = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
  })
  .meta({ id: "Account", description: "Who a session or token belongs to." });

/** account.me: the account, and whether it has a password (identity-provider accounts may not). */
export const accountProfile = account
  .extend({
    hasPassword: z
      .boolean()
      .meta({ description: "False for accounts that only sign in through an identity provider." }),
  })
  .meta({ id: "AccountProfile" });

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type AccountDto = z.infer<typeof account>;
