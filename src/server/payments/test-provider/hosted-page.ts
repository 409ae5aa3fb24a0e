import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "@/env";
import type { CardFormState } from "@/lib/test-card-form";
import { getDb } from "../../db/client";
import { cardInput, TEST_CARDS, testCardBehaviour } from "./card-input";
import { completeAuthentication, readSession, submitCard } from "./sessions";

export { TEST_CARDS };

export interface TestPaymentView {
  id: string;
  status: "open" | "requires_action" | "processing" | "succeeded" | "failed" | "expired";
  amountCents: number;
  currency: string;
  description: string;
  merchant: string;
  returnUrl: string;
  cancelUrl: string;
  cardLast4: string | null;
  failureReason: string | null;
  expiresAt: string;
  delaySeconds: number;
}

const sessionId = z.string().regex(/^tps_[0-9a-f]{24}$/);

/** What the test provider's page shows for a session, or null for an unknown one. */
export async function testPaymentView(id: string): Promise<TestPaymentView | null> {
  if (!sessionId.safeParse(id).success) return null;
  const session = await readSession(await getDb(), id);
  if (!session) return null;
  return {
    id: session.id,
    status: session.status,
    amountCents: session.amountCents,
    currency: session.currency,
    description: session.description,
    merchant: env.SHOP_NAME,
    returnUrl: session.returnUrl,
    cancelUrl: session.cancelUrl,
    cardLast4: session.cardLast4,
    failureReason: session.failureReason,
    expiresAt: session.expiresAt.toISOString(),
    delaySeconds: env.PAYMENT_TEST_DELAY_SECONDS,
  };
}

/**
 * The card form's action. The number is parsed, its test behaviour and last
 * four digits kept, and the rest dropped here: no card number, expiry or
 * CVC is stored, logged or sent back to the browser (errors only).
 */
export async function submitTestCard(id: string, formData: FormData): Promise<CardFormState> {
  if (!sessionId.safeParse(id).success) return { error: "This payment page does not exist." };
  const parsed = cardInput.safeParse({
    cardNumber: formData.get("cardNumber") ?? "",
    expiry: formData.get("expiry") ?? "",
    cvc: formData.get("cvc") ?? "",
  });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const digits = parsed.data.cardNumber;
  const behaviour = testCardBehaviour(digits);
  if (!behaviour) return { fieldErrors: { cardNumber: ["Test mode takes only the test cards listed below"] } };
  const db = await getDb();
  const outcome = await submitCard(db, id, { behaviour, last4: digits.slice(-4) });
  if (outcome === "paid" || outcome === "processing") await leaveForShop(id);
  // Declined, an extra step, or a closed session: the page shows the session as it now stands.
  redirect(`/test-provider/pay/${id}`);
}

/** The extra confirmation step's two buttons. */
export async function answerAuthentication(id: string, confirmed: boolean): Promise<void> {
  if (!sessionId.safeParse(id).success) redirect("/");
  const outcome = await completeAuthentication(await getDb(), id, confirmed);
  if (outcome === "paid") await leaveForShop(id);
  redirect(`/test-provider/pay/${id}`);
}

async function leaveForShop(id: string): Promise<never> {
  const session = await readSession(await getDb(), id);
  redirect(session?.returnUrl ?? "/");
}
