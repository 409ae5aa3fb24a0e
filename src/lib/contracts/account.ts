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
  /**
   * Linked identity providers stay only when the caller says so: a password
   * changed because the account was taken over must not leave a provider the
   * intruder linked.
   */
  keepSignInMethods: z.boolean().default(false),
});

/** The identity providers that can be linked, by the ids Auth.js knows them by. */
export const providerIds = ["github", "oidc"] as const;

export const signInMethods = z
  .object({
    hasPassword: z.boolean(),
    providers: z.array(
      z.object({
        provider: z.string().meta({ description: "The identity provider's id, e.g. github or oidc." }),
        name: z.string().meta({ description: "The provider's name as the shop shows it." }),
      }),
    ),
  })
  .meta({ id: "SignInMethods", description: "How the account can sign in: a password and linked providers." });

export const unlinkSignInInput = z.object({
  provider: z.string().min(1, "Name a provider").max(50, "Unknown provider"),
});

export const confirmLinkInput = z.object({
  currentPassword: z.string().min(1, "Enter your password").max(128, "Password must be at most 128 characters"),
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

/** account.me: the account, whether it has a password (identity-provider accounts may not), and a verified address. */
export const accountProfile = account
  .extend({
    hasPassword: z
      .boolean()
      .meta({ description: "False for accounts that only sign in through an identity provider." }),
    emailVerified: z.boolean().meta({
      description: "True once a link mailed to the address was followed, or an identity provider vouched for it.",
    }),
  })
  .meta({ id: "AccountProfile" });

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type AccountDto = z.infer<typeof account>;
