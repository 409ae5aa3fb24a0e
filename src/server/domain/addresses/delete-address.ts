import { and, eq } from "drizzle-orm";
import type { SavedAddressDto } from "@/lib/contracts/address";
import { addresses } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { ADDRESS_NOT_FOUND, savedAddressColumns, toSavedAddress } from "./saved-address";

/** Removes one of the actor's addresses and returns it as it was; orders placed with it keep their own copy. */
export async function deleteOwnAddress(db: DbOrTx, actor: Actor, id: string): Promise<SavedAddressDto> {
  const [row] = await db
    .delete(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.userId, actor.id)))
    .returning(savedAddressColumns);
  if (!row) throw new DomainError("NOT_FOUND", ADDRESS_NOT_FOUND);
  return toSavedAddress(row);
}
