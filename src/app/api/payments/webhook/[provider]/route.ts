import { answerPaymentWebhook } from "@/server/ops/payment-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  return answerPaymentWebhook(request, (await params).provider);
}
