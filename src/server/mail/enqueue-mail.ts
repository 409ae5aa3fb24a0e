import type { DbOrTx } from "../db/types";
import { enqueueJob } from "../queue/enqueue";
import type { Mail } from "../queue/mail-kinds";
import { sealMail } from "../queue/sealed-mail";

/**
 * Queues a mail in the caller's transaction. `messageKey` names this mail for
 * good (its Message-ID and its job id): queued twice, it is sent once.
 */
export async function enqueueMail(db: DbOrTx, mail: Mail, messageKey: string): Promise<void> {
  await enqueueJob(db, "mail.send", { messageKey, sealed: sealMail(mail) }, { key: messageKey });
}
