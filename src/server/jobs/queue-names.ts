/**
 * Every job queue. Each queue has one handler (./handlers); scheduled ones
 * are also started by the clock (./schedules.ts).
 */
export const queueNames = ["mail.send", "mail.order-event", "events.prune", "auth.prune-expired"] as const;

export type QueueName = (typeof queueNames)[number];
