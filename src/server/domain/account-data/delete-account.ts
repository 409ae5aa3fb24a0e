import { and, eq, inArray } from "drizzle-orm";
import {
  accounts,
  addresses,
  discountRedemptions,
  orders,
  apiTokens,
  auditLog,
  cartItems,
  emailTokens,
  userSessions,
  users,
} from "../../db/schema";
import type { Db } from "../../db/types";
import { enqueueMail } from "../../mail/enqueue-mail";
import { recordAudit, type AuditContext } from "../audit/record-audit";
import { DomainError } from "../errors";

/**
 * Deletes an account: its sessions, API tokens, linked sign-ins, cart, address book and
 * mailed links go; the user row stays without name or address (disabled) so
 * the orders it placed are kept for accounting. The goodbye mail is queued in
 * the same transaction, while the address is still known.
 */
export async function deleteAccount(db: Db, audit: AuditContext): Promise<{ deleted: true }> {
  const userId = audit.actor.id;
  const placeholder = `deleted-${userId}@deleted.invalid`;
  return db.transaction(async (tx) => {
    // Before the user row's lock: an order expiring or cancelled meanwhile deletes its redemption and
    // then needs that row (its events name the owner), so the other order would deadlock.
    await tx.update(discountRedemptions).set({ email: placeholder }).where(eq(discountRedemptions.userId, userId));
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user || user.deletedAt) throw new DomainError("NOT_FOUND", "This account no longer exists.");
    if (user.role === "admin") {
      throw new DomainError(
        "CONFLICT",
        "An administrator account cannot be deleted: have another administrator demote it first.",
      );
    }
    await enqueueMail(tx, { kind: "account-deleted", to: user.email, name: user.name }, `account-deleted:${userId}`);
    await tx.delete(userSessions).where(eq(userSessions.userId, userId));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(cartItems).where(eq(cartItems.userId, userId));
    await tx.delete(addresses).where(eq(addresses.userId, userId));
    // Orders still to ship keep where they go; finished ones forget it with the account.
    await tx
      .update(orders)
      .set({ shippingAddress: null })
      .where(and(eq(orders.userId, userId), inArray(orders.status, ["delivered", "cancelled", "expired"])));
    await tx.delete(emailTokens).where(eq(emailTokens.userId, userId));
    await recordAudit(tx, audit, { action: "account.deleted", target: { type: "user", id: userId } });
    const now = new Date();
    // The audit trail keeps what the account did, under its id, without the address.
    await tx.update(auditLog).set({ actorEmail: placeholder }).where(eq(auditLog.actorId, userId));
    await tx
      .update(users)
      .set({
        email: placeholder,
        name: "Deleted customer",
        passwordHash: null,
        image: null,
        emailVerified: null,
        orderUpdateMail: false,
        disabledAt: now,
        deletedAt: now,
      })
      .where(eq(users.id, userId));
    return { deleted: true as const };
  });
}
