import { and, eq } from "drizzle-orm";
import type { AddressDto, SavedAddressDto } from "@/lib/contracts/address";
import { addresses } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { ADDRESS_NOT_FOUND, savedAddressColumns, toSavedAddress } from "./saved-address";

/** Replaces every field of one of the actor's addresses; orders placed with it keep their own copy. */
export async function updateOwnAddress(
  db: DbOrTx,
  actor: Actor,
  id: string,
  address: AddressDto,
): Promise<SavedAddressDto> {
  const [row] = await db
    .update(addresses)
    .set(address)
    .where(and(eq(addresses.id, id), eq(addresses.userId, actor.id)))
    .returning(savedAddressColumns);
  if (!row) throw new DomainError("NOT_FOUND", ADDRESS_NOT_FOUND);
  return toSavedAddress(row);
}
