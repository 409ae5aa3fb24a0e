import { eq, sql } from "drizzle-orm";
import { cartItems, orders, users, userSessions } from "../db/schema";
import type { Db } from "../db/types";
import { liveSessionWhere } from "./identity";

/**
 * Everything of a signed-in visitor that their pages show, as one digest: who
 * they are (name, e-mail, role), what is in their cart (product, quantity and
 * when each line last changed) and every order's status (and when it last
 * changed, so a change and its undoing still read as new). Equal digests mean the visitor's own
 * part of a page has not changed since; the catalog's part is followed through
 * its outbox events (server/document-cache-follower.ts).
 */
function prepareVisitorState(db: Db) {
  const cart = sql`(select string_agg(${cartItems.productId}::text || ':' || ${cartItems.quantity} || ':' || ${cartItems.updatedAt}, ',' order by ${cartItems.productId})
    from ${cartItems} where ${cartItems.userId} = ${users.id})`;
  const orderStatuses = sql`(select string_agg(${orders.id}::text || ':' || ${orders.status} || ':' || ${orders.updatedAt}, ',' order by ${orders.id})
    from ${orders} where ${orders.userId} = ${users.id})`;
  return db
    .select({
      digest: sql<string>`md5(concat_ws(chr(10), ${users.id}, ${users.name}, ${users.email}, ${users.role}, coalesce(${cart}, ''), coalesce(${orderStatuses}, '')))`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(liveSessionWhere())
    .limit(1)
    .prepare("visitor_state_by_session");
}

/**
 * What a page kept per session (server/document-cache.ts, decision 011) may
 * read through the server caller: the visitor's own data that the digest
 * covers (who they are, their cart, their orders' statuses) and catalog data,
 * whose outbox events drop every kept copy. The visitor's identity that the
 * layout reads (getCurrentActor: id, name, email, role) is in the digest too.
 * A kept page that reads anything else would be served stale after it
 * changed: e2e/page-cache-reads.spec.ts fails when one does, and the new read
 * must then join the digest (and this list) or the page leave the cache.
 */
export const cachedPageReads = {
  visitor: ["account.me", "cart.get", "orders.list"],
  catalog: ["catalog.list", "catalog.bySlug", "catalog.categories", "live.position"],
} as const;

const prepared = new WeakMap<Db, ReturnType<typeof prepareVisitorState>>();

/** The digest of what a live session's pages show about its visitor, or null when the session is not live. */
export async function visitorState(db: Db, sessionId: string): Promise<string | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareVisitorState(db)));
  const [row] = await query.execute({ sid: sessionId });
  return row?.digest ?? null;
}
