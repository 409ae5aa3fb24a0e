/** Everything the audit log records, by name. Shared with the admin UI's filters. */
export const auditActions = [
  "product.created",
  "product.updated",
  "product.archived",
  "inventory.adjusted",
  "order.status_changed",
  "order.cancelled",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "account.password_changed",
  "account.signed_out_everywhere",
  "account.sign_in_linked",
  "account.sign_in_unlinked",
  "account.password_reset",
  "account.email_change_requested",
  "account.email_changed",
  "account.email_verified",
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.password_reset_requested",
  "token.created",
  "token.revoked",
  "job.retried",
  "account.data_exported",
  "account.deleted",
  "account.mail_preferences_changed",
  "discount.created",
  "discount.paused",
  "discount.resumed",
] as const;

export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Record<AuditAction, string> = {
  "product.created": "Product created",
  "product.updated": "Product updated",
  "product.archived": "Product archived",
  "inventory.adjusted": "Stock adjusted",
  "order.status_changed": "Order status changed",
  "order.cancelled": "Order cancelled by the store",
  "user.role_changed": "Role changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "account.password_changed": "Password changed",
  "account.signed_out_everywhere": "Signed out everywhere",
  "account.sign_in_linked": "Sign-in method linked",
  "account.sign_in_unlinked": "Sign-in method removed",
  "account.password_reset": "Password reset through a mailed link",
  "account.email_change_requested": "Email change requested",
  "account.email_changed": "Email address changed",
  "account.email_verified": "Email address verified",
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.password_reset_requested": "Password reset requested",
  "token.created": "API token created",
  "token.revoked": "API token revoked",
  "job.retried": "Failed job retried",
  "account.data_exported": "Account data exported",
  "account.deleted": "Account deleted",
  "account.mail_preferences_changed": "Mail preferences changed",
  "discount.created": "Discount code created",
  "discount.paused": "Discount code paused",
  "discount.resumed": "Discount code resumed",
};

/** Why a sign-in failed: kept as the reason of its `auth.sign_in_failed` row. */
export const signInFailureReasons = [
  "wrong_credentials",
  "rate_limited",
  "unverified_email",
  "account_disabled",
  "session_ended",
  "link_not_confirmed",
  "account_exists",
] as const;

export type SignInFailureReason = (typeof signInFailureReasons)[number];

export const signInFailureLabels: Record<SignInFailureReason, string> = {
  wrong_credentials: "wrong email or password",
  rate_limited: "too many attempts",
  unverified_email: "the identity provider had not verified the email",
  account_disabled: "the account is disabled",
  session_ended: "the browser's session had ended (signed out, or ended by a password change)",
  link_not_confirmed: "linking a provider to a signed-in account without a recent password check",
  account_exists: "an account with that email exists and its address is not verified",
};
