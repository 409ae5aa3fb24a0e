import { getDb } from "../db/client";
import { setMailPreferences } from "../domain/account-data/mail-preferences";
import { userIdFromUnsubscribeToken } from "../mail/unsubscribe-token";

/** Turns off optional mail for the account a signed unsubscribe link names; false for a link the shop did not make. */
export async function unsubscribeWithToken(token: string): Promise<boolean> {
  const userId = userIdFromUnsubscribeToken(token);
  if (!userId) return false;
  await setMailPreferences(await getDb(), userId, { orderUpdates: false });
  return true;
}
