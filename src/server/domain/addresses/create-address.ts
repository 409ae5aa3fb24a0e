import { count, eq } from "drizzle-orm";
import type { AddressDto, SavedAddressDto } from "@/lib/contracts/address";
import { MAX_SAVED_ADDRESSES } from "@/lib/address-book-limits";
import { addresses, users } from "../../db/schema";
import type { Db } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { savedAddressColumns, toSavedAddress } from "./saved-address";

/** Adds an address (already checked by `addressFields`) to the actor's book; CONFLICT once it holds the most allowed. */
export async function createAddress(db: Db, actor: Actor, address: AddressDto): Promise<SavedAddressDto> {
  return db.transaction(async (tx) => {
    // Two adds at once would both count 19 and both insert: the owner's row lock makes them take turns.
    const [owner] = await tx
      .select({ deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, actor.id))
      .for("no key update");
    // An account deleted while this waited for the lock keeps no new personal data.
    if (!owner || owner.deletedAt) throw new DomainError("NOT_FOUND", "This account no longer exists.");
    const [held] = await tx.select({ total: count() }).from(addresses).where(eq(addresses.userId, actor.id));
    if ((held?.total ?? 0) >= MAX_SAVED_ADDRESSES) {
      throw new DomainError(
        "CONFLICT",
        `Your address book is full (${MAX_SAVED_ADDRESSES} addresses). Delete one you no longer use to add another.`,
      );
    }
    const [row] = await tx
      .insert(addresses)
      .values({ ...address, userId: actor.id })
      .returning(savedAddressColumns);
    if (!row) throw new Error("address insert returned nothing");
    return toSavedAddress(row);
  });
}
