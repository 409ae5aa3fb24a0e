import { z } from "zod";

/** The test provider's webhook body: its own shape, read by its adapter (parse-webhook.ts) only. */
export const testEventBody = z.object({
  id: z.string().startsWith("evt_"),
  created: z.number().int(),
  type: z.enum(["payment.succeeded", "payment.failed", "session.expired", "refund.succeeded"]),
  data: z.object({
    session_id: z.string().optional(),
    charge_id: z.string().optional(),
    attempt_id: z.string().optional(),
    amount: z.number().int().optional(),
    currency: z.string().optional(),
    card_last4: z.string().nullable().optional(),
    reason: z.string().optional(),
    refund_id: z.string().optional(),
    refund_request_id: z.string().optional(),
  }),
});

export type TestEventBody = z.infer<typeof testEventBody>;
