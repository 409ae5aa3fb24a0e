"use server";

import type { CardFormState } from "@/lib/test-card-form";
import { answerAuthentication, submitTestCard } from "@/server/payments/test-provider/hosted-page";

export async function payWithTestCard(sessionId: string, _state: CardFormState, formData: FormData) {
  return submitTestCard(sessionId, formData);
}

export async function confirmTestAuthentication(sessionId: string) {
  await answerAuthentication(sessionId, true);
}

export async function failTestAuthentication(sessionId: string) {
  await answerAuthentication(sessionId, false);
}
