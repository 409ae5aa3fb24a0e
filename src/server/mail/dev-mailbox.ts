import { isProduction } from "@/env";
import { getDb } from "../db/client";
import {
  findInMailbox,
  listMailbox,
  messageIdFromMailboxPath,
  type MailboxEntry,
  type MailboxMessage,
} from "./mailbox";

// The /dev/mailbox pages may not reach the database themselves (eslint: routes stay thin).
function refuseInProduction(): void {
  if (isProduction) throw new Error("The development mailbox does not exist in production.");
}

export async function devMailbox(): Promise<MailboxEntry[]> {
  refuseInProduction();
  return listMailbox(await getDb());
}

/** One mail by the last segment of its /dev/mailbox address. */
export async function devMailboxMessage(pathSegment: string): Promise<MailboxMessage | null> {
  refuseInProduction();
  return findInMailbox(await getDb(), messageIdFromMailboxPath(pathSegment));
}
