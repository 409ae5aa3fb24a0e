import { asc, eq } from "drizzle-orm";
import type { SavedAddressDto } from "@/lib/contracts/address";
import { addresses } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import type { Actor } from "../actor";
import { savedAddressColumns, toSavedAddress } from "./saved-address";

/** The actor's address book, oldest first: editing an address never moves it in the list. */
export async function listOwnAddresses(db: DbOrTx, actor: Actor): Promise<SavedAddressDto[]> {
  const rows = await db
    .select(savedAddressColumns)
    .from(addresses)
    .where(eq(addresses.userId, actor.id))
    .orderBy(asc(addresses.createdAt), asc(addresses.id));
  return rows.map(toSavedAddress);
}
