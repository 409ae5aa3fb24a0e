import { env } from "@/env";
import type { Db } from "../../db/types";
import { pruneEvents } from "../../events/retention";
import { sendMail } from "../../mail/send-mail";
import { unsealMail } from "../../queue/sealed-mail";
import type { JobData } from "../../queue/job-data";
import type { QueueName } from "../../db/job-queue";
import { runRefund } from "../../domain/payments/run-refund";
import { settleUnpaidOrder } from "../../domain/payments/settle-unpaid-order";
import { paymentProviderFor } from "../../payments/payment-provider-for";
import { deliverWebhook } from "../../payments/test-provider/deliver-webhook";
import { settleDelayed } from "../../payments/test-provider/sessions";
import { mailOrderEvent } from "./order-event-mail";
import { sweepPayments } from "./sweep-payments";
import { pruneExpired } from "./prune-expired";

/** What a job's run returns: a short word or counts, logged with the job. */
type Outcome = string | number | Record<string, number>;

export type JobHandlers = { [Q in QueueName]: (db: Db, data: JobData<Q>) => Promise<Outcome> };

/** The one handler of every queue. */
export const jobHandlers: JobHandlers = {
  "mail.send": (db, { messageKey, sealed }) => sendMail(db, { messageKey, mail: unsealMail(sealed) }),
  "mail.order-event": (db, data) => mailOrderEvent(db, data),
  "events.prune": (db) => pruneEvents(db, new Date(Date.now() - env.EVENT_RETENTION_HOURS * 3_600_000)),
  "auth.prune-expired": (db) => pruneExpired(db),
  "payments.check-order": (db, { orderId }) => settleUnpaidOrder(db, paymentProviderFor(db), orderId),
  "payments.refund": (db, { refundId }) => runRefund(db, paymentProviderFor(db), refundId),
  "payments.sweep": (db) => sweepPayments(db),
  "test-provider.deliver": (db, { eventId }) => deliverWebhook(db, eventId),
  "test-provider.settle": (db, { sessionId }) => settleDelayed(db, sessionId),
};
