import type { IncomingMessage, RequestListener } from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebhookRejected, type PaymentProvider, type SessionRequest } from "@/server/domain/payments/payment-provider";
import { createStripeProvider } from "@/server/payments/stripe/stripe-provider";
import { listen, type TestServer } from "./support/http-servers";

const webhookSecret = "whsec_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const toleranceSeconds = 300;
const orderId = "3f1c2a9e-4b5d-4e6f-8a7b-0c1d2e3f4a5b";
const refundRequestId = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
const minutes = 60;
const hours = 60 * minutes;

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function fromNow(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}

/** A Checkout Session as Stripe renders it in an event, paid by card unless overridden. */
function checkoutSession(overrides: Record<string, unknown> = {}) {
  return {
    id: "cs_test_a1B2c3D4e5F6",
    object: "checkout.session",
    amount_subtotal: 10_250,
    amount_total: 10_250,
    cancel_url: "http://localhost:3000/checkout",
    client_reference_id: orderId,
    created: 1_767_225_000,
    currency: "eur",
    customer_email: "ann@example.test",
    expires_at: 1_767_226_860,
    livemode: false,
    metadata: { orderId },
    mode: "payment",
    payment_intent: "pi_test_3Q1a2B3c4D5e6F7g",
    payment_method_types: ["card"],
    payment_status: "paid",
    status: "complete",
    success_url: `http://localhost:3000/orders/${orderId}`,
    url: null,
    ...overrides,
  };
}

/** A refund the shop asked for, as Stripe renders it in an event. */
function refund(overrides: Record<string, unknown> = {}) {
  return {
    id: "re_test_3Q1a2B3c4D5e6F7g",
    object: "refund",
    amount: 4_500,
    charge: "ch_test_3Q1a2B3c4D5e6F7g",
    created: 1_767_230_000,
    currency: "eur",
    metadata: { refundRequestId },
    payment_intent: "pi_test_3Q1a2B3c4D5e6F7g",
    reason: null,
    status: "succeeded",
    ...overrides,
  };
}

let eventNumber = 0;

function stripeEvent(type: string, object: object) {
  eventNumber += 1;
  return {
    id: `evt_test_${eventNumber}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: 1_767_225_600,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

function signed(payload: string, options: { secret?: string; timestamp?: number } = {}): Headers {
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? webhookSecret,
    ...(options.timestamp === undefined ? {} : { timestamp: options.timestamp }),
  });
  return new Headers({ "content-type": "application/json; charset=utf-8", "stripe-signature": header });
}

describe("Stripe webhooks", () => {
  const provider = createStripeProvider({ secretKey: "sk_test_webhooks_only", webhookSecret, toleranceSeconds });

  function deliver(event: object) {
    const payload = JSON.stringify(event, null, 2);
    return provider.parseWebhook(payload, signed(payload));
  }

  it("reads a paid checkout as payment.succeeded", async () => {
    const event = stripeEvent("checkout.session.completed", checkoutSession());
    await expect(deliver(event)).resolves.toEqual({
      id: event.id,
      occurredAt: new Date(event.created * 1000),
      type: "payment.succeeded",
      sessionId: "cs_test_a1B2c3D4e5F6",
      chargeReference: "pi_test_3Q1a2B3c4D5e6F7g",
      amountCents: 10_250,
      currency: "EUR",
      cardLast4: null,
    });
  });

  it("ignores a checkout completed before a delayed payment arrives", async () => {
    const event = stripeEvent("checkout.session.completed", checkoutSession({ payment_status: "unpaid" }));
    await expect(deliver(event)).resolves.toMatchObject({
      type: "ignored",
      providerType: "checkout.session.completed",
    });
  });

  it("reads a delayed payment that arrived, with the payment intent expanded", async () => {
    const session = checkoutSession({ payment_intent: { id: "pi_test_expanded", object: "payment_intent" } });
    const event = stripeEvent("checkout.session.async_payment_succeeded", session);
    await expect(deliver(event)).resolves.toMatchObject({
      type: "payment.succeeded",
      chargeReference: "pi_test_expanded",
      amountCents: 10_250,
      currency: "EUR",
    });
  });

  it("rejects a paid checkout that does not say what was paid", async () => {
    const event = stripeEvent("checkout.session.completed", checkoutSession({ amount_total: null }));
    await expect(deliver(event)).rejects.toThrow(WebhookRejected);
  });

  it("reads a delayed payment that failed as payment.failed", async () => {
    const session = checkoutSession({ payment_status: "unpaid" });
    const event = stripeEvent("checkout.session.async_payment_failed", session);
    await expect(deliver(event)).resolves.toEqual({
      id: event.id,
      occurredAt: new Date(event.created * 1000),
      type: "payment.failed",
      sessionId: session.id,
      attemptReference: "pi_test_3Q1a2B3c4D5e6F7g",
      reason: "async_payment_failed",
      cardLast4: null,
    });

    const withoutIntent = stripeEvent("checkout.session.async_payment_failed", { ...session, payment_intent: null });
    await expect(deliver(withoutIntent)).resolves.toMatchObject({
      type: "payment.failed",
      attemptReference: `${session.id}:${withoutIntent.id}`,
    });
  });

  it("reads an expired checkout as session.expired", async () => {
    const session = checkoutSession({ status: "expired", payment_status: "unpaid", payment_intent: null });
    const event = stripeEvent("checkout.session.expired", session);
    await expect(deliver(event)).resolves.toEqual({
      id: event.id,
      occurredAt: new Date(event.created * 1000),
      type: "session.expired",
      sessionId: session.id,
    });
  });

  it("reads refunds by their status and the shop's refund request id", async () => {
    const succeeded = stripeEvent("refund.updated", refund());
    await expect(deliver(succeeded)).resolves.toEqual({
      id: succeeded.id,
      occurredAt: new Date(succeeded.created * 1000),
      type: "refund.succeeded",
      refundRequestId,
      refundReference: "re_test_3Q1a2B3c4D5e6F7g",
    });

    const failed = stripeEvent(
      "refund.updated",
      refund({ status: "failed", failure_reason: "expired_or_canceled_card" }),
    );
    await expect(deliver(failed)).resolves.toMatchObject({
      type: "refund.failed",
      refundRequestId,
      refundReference: "re_test_3Q1a2B3c4D5e6F7g",
      reason: "expired_or_canceled_card",
    });

    const canceled = stripeEvent("refund.updated", refund({ status: "canceled" }));
    await expect(deliver(canceled)).resolves.toMatchObject({ type: "refund.failed", reason: "canceled" });

    const failedEvent = stripeEvent(
      "refund.failed",
      refund({ status: "failed", failure_reason: "lost_or_stolen_card" }),
    );
    await expect(deliver(failedEvent)).resolves.toMatchObject({ type: "refund.failed", reason: "lost_or_stolen_card" });

    const createdSucceeded = stripeEvent("refund.created", refund());
    await expect(deliver(createdSucceeded)).resolves.toMatchObject({ type: "refund.succeeded", refundRequestId });
  });

  it("ignores refunds still under way and refunds the shop did not ask for", async () => {
    const pending = stripeEvent("refund.created", refund({ status: "pending" }));
    await expect(deliver(pending)).resolves.toMatchObject({ type: "ignored", providerType: "refund.created" });

    const fromDashboard = stripeEvent("refund.updated", refund({ metadata: {} }));
    await expect(deliver(fromDashboard)).resolves.toMatchObject({ type: "ignored", providerType: "refund.updated" });
  });

  it("ignores event types the shop does not use", async () => {
    const event = stripeEvent("customer.created", { id: "cus_test_1", object: "customer" });
    await expect(deliver(event)).resolves.toEqual({
      id: event.id,
      occurredAt: new Date(event.created * 1000),
      type: "ignored",
      providerType: "customer.created",
    });
  });

  describe("refuses", () => {
    const payload = JSON.stringify(stripeEvent("checkout.session.completed", checkoutSession()), null, 2);

    it("a body signed with another secret", async () => {
      const headers = signed(payload, { secret: "whsec_test_somebody_else_entirely_00000" });
      await expect(provider.parseWebhook(payload, headers)).rejects.toThrow(WebhookRejected);
    });

    it("a body changed after it was signed", async () => {
      const tampered = payload.replace('"amount_total": 10250', '"amount_total": 1');
      expect(tampered).not.toBe(payload);
      await expect(provider.parseWebhook(tampered, signed(payload))).rejects.toThrow(WebhookRejected);
    });

    it("a request without the signature header", async () => {
      const headers = new Headers({ "content-type": "application/json" });
      await expect(provider.parseWebhook(payload, headers)).rejects.toThrow(
        new WebhookRejected("The webhook has no Stripe-Signature header."),
      );
    });

    it("a signature older than the tolerance (a replay)", async () => {
      const headers = signed(payload, { timestamp: nowSeconds() - toleranceSeconds - 60 });
      await expect(provider.parseWebhook(payload, headers)).rejects.toThrow(WebhookRejected);
      await expect(provider.parseWebhook(payload, headers)).rejects.toThrow(/tolerance/i);
    });

    it("a signed body that is not JSON", async () => {
      const garbage = "not json";
      await expect(provider.parseWebhook(garbage, signed(garbage))).rejects.toThrow(WebhookRejected);
    });
  });

  it("accepts a signature inside the tolerance", async () => {
    const payload = JSON.stringify(stripeEvent("checkout.session.expired", checkoutSession({ status: "expired" })));
    const headers = signed(payload, { timestamp: nowSeconds() - toleranceSeconds + 30 });
    await expect(provider.parseWebhook(payload, headers)).resolves.toMatchObject({ type: "session.expired" });
  });

  it("will not start with a tolerance that turns the timestamp check off", () => {
    expect(() => createStripeProvider({ secretKey: "sk_test_x", webhookSecret, toleranceSeconds: 0 })).toThrow();
  });
});

interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: URLSearchParams;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

const cardCharge = {
  id: "ch_test_paid",
  object: "charge",
  amount: 10_250,
  currency: "eur",
  status: "succeeded",
  payment_method_details: {
    type: "card",
    card: { brand: "visa", country: "US", exp_month: 12, exp_year: 2034, funding: "credit", last4: "4242" },
  },
};

const bankCharge = {
  ...cardCharge,
  id: "ch_test_bank",
  payment_method_details: { type: "sepa_debit", sepa_debit: { bank_code: "37040044", last4: "3000" } },
};

function paidIntent(id: string, charge: object) {
  return { id, object: "payment_intent", amount: 10_250, currency: "eur", status: "succeeded", latest_charge: charge };
}

/** The sessions the double's GET /v1/checkout/sessions/:id knows, already expanded. */
const storedSessions: Record<string, object> = {
  cs_test_paid: checkoutSession({ id: "cs_test_paid", payment_intent: paidIntent("pi_test_paid", cardCharge) }),
  cs_test_paid_by_bank: checkoutSession({
    id: "cs_test_paid_by_bank",
    payment_intent: paidIntent("pi_test_bank", bankCharge),
  }),
  cs_test_expired: checkoutSession({
    id: "cs_test_expired",
    status: "expired",
    payment_status: "unpaid",
    payment_intent: null,
  }),
  cs_test_open: checkoutSession({ id: "cs_test_open", status: "open", payment_status: "unpaid", payment_intent: null }),
  cs_test_processing: checkoutSession({
    id: "cs_test_processing",
    payment_status: "unpaid",
    payment_intent: { id: "pi_test_processing", object: "payment_intent", status: "processing", latest_charge: null },
  }),
};

const orderWithoutPage = "0b9e4c1d-0000-4000-8000-000000000000";

function answer(request: RecordedRequest): { status: number; body: object } {
  if (request.method === "POST" && request.path === "/v1/checkout/sessions") {
    const id = "cs_test_created";
    const ordered = request.body.get("metadata[orderId]");
    return {
      status: 200,
      body: checkoutSession({
        id,
        status: "open",
        payment_status: "unpaid",
        payment_intent: null,
        amount_total: Number(request.body.get("line_items[0][price_data][unit_amount]")),
        client_reference_id: request.body.get("client_reference_id"),
        metadata: { orderId: ordered },
        expires_at: Number(request.body.get("expires_at")),
        url: ordered === orderWithoutPage ? null : `https://checkout.stripe.com/c/pay/${id}`,
      }),
    };
  }
  const retrieved = /^\/v1\/checkout\/sessions\/([\w]+)$/.exec(request.path)?.[1];
  if (request.method === "GET" && retrieved !== undefined && storedSessions[retrieved]) {
    return { status: 200, body: storedSessions[retrieved] };
  }
  if (request.method === "POST" && request.path === "/v1/refunds") {
    return {
      status: 200,
      body: refund({
        id: "re_test_created",
        status: "pending",
        amount: Number(request.body.get("amount")),
        payment_intent: request.body.get("payment_intent"),
        metadata: { refundRequestId: request.body.get("metadata[refundRequestId]") },
      }),
    };
  }
  const message = `No such resource: ${request.method} ${request.path}`;
  return { status: 404, body: { error: { type: "invalid_request_error", code: "resource_missing", message } } };
}

/** Plays Stripe's API for the calls the provider makes, and records what it was sent. */
function stripeApiDouble(recorded: RecordedRequest[]): RequestListener {
  return (req, res) => {
    void readBody(req).then((text) => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const header = (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(",") : value;
      };
      const request: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        body: new URLSearchParams(text),
        idempotencyKey: header("idempotency-key"),
        authorization: header("authorization"),
      };
      recorded.push(request);
      const { status, body } = answer(request);
      res.writeHead(status, { "content-type": "application/json", "request-id": `req_test_${recorded.length}` });
      res.end(JSON.stringify(body));
    });
  };
}

describe("Stripe API calls", () => {
  const recorded: RecordedRequest[] = [];
  let stripeApi: TestServer;
  let provider: PaymentProvider;

  beforeAll(async () => {
    stripeApi = await listen(stripeApiDouble(recorded));
    provider = createStripeProvider({
      secretKey: "sk_test_loopback",
      webhookSecret,
      toleranceSeconds,
      api: { host: "127.0.0.1", port: Number(new URL(stripeApi.origin).port), protocol: "http" },
    });
  });

  afterAll(() => stripeApi.close());

  beforeEach(() => {
    recorded.length = 0;
  });

  function onlyRequest(): RecordedRequest {
    expect(recorded).toHaveLength(1);
    const [request] = recorded;
    if (!request) throw new Error("the Stripe double got no request");
    return request;
  }

  function sessionRequest(overrides: Partial<SessionRequest> = {}): SessionRequest {
    return {
      orderId,
      amountCents: 10_250,
      currency: "EUR",
      description: "Storefront order #3f1c2a9e",
      customerEmail: "ann@example.test",
      returnUrl: `http://localhost:3000/orders/${orderId}`,
      cancelUrl: "http://localhost:3000/checkout",
      expiresAt: fromNow(2 * hours),
      idempotencyKey: `checkout-${orderId}`,
      ...overrides,
    };
  }

  it("opens a hosted page for the order", async () => {
    const expiresAt = fromNow(2 * hours);
    await expect(provider.createSession(sessionRequest({ expiresAt }))).resolves.toEqual({
      sessionId: "cs_test_created",
      url: "https://checkout.stripe.com/c/pay/cs_test_created",
    });

    const request = onlyRequest();
    expect(request).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      idempotencyKey: `checkout-${orderId}`,
      authorization: "Bearer sk_test_loopback",
    });
    expect(Object.fromEntries(request.body)).toEqual({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "eur",
      "line_items[0][price_data][unit_amount]": "10250",
      "line_items[0][price_data][product_data][name]": "Storefront order #3f1c2a9e",
      success_url: `http://localhost:3000/orders/${orderId}`,
      cancel_url: "http://localhost:3000/checkout",
      client_reference_id: orderId,
      "metadata[orderId]": orderId,
      "payment_intent_data[metadata][orderId]": orderId,
      customer_email: "ann@example.test",
      expires_at: String(Math.floor(expiresAt.getTime() / 1000)),
    });
  });

  it("leaves the email out when the shopper has none", async () => {
    await provider.createSession(sessionRequest({ customerEmail: null }));
    expect(onlyRequest().body.has("customer_email")).toBe(false);
  });

  it("sends an expiry only when Stripe accepts it (30 minutes to 24 hours), so a retry sends the same", async () => {
    const expiresAtSent = async (expiresAt: Date) => {
      recorded.length = 0;
      await provider.createSession(sessionRequest({ expiresAt }));
      return onlyRequest().body.get("expires_at");
    };
    const inWindow = fromNow(2 * hours);
    expect(await expiresAtSent(inWindow)).toBe(String(Math.floor(inWindow.getTime() / 1000)));
    expect(await expiresAtSent(fromNow(5 * minutes))).toBeNull();
    expect(await expiresAtSent(fromNow(-hours))).toBeNull();
    expect(await expiresAtSent(fromNow(3 * 24 * hours))).toBeNull();
  });

  it("fails when Stripe gives no page to send the shopper to", async () => {
    await expect(provider.createSession(sessionRequest({ orderId: orderWithoutPage }))).rejects.toThrow(
      /without a payment page URL/,
    );
  });

  it("reads a paid session with the card's last four digits", async () => {
    await expect(provider.fetchStatus("cs_test_paid")).resolves.toEqual({
      state: "paid",
      chargeReference: "pi_test_paid",
      amountCents: 10_250,
      currency: "EUR",
      cardLast4: "4242",
    });
    const request = onlyRequest();
    expect(request).toMatchObject({ method: "GET", path: "/v1/checkout/sessions/cs_test_paid" });
    expect([...request.query.values()]).toEqual(["payment_intent.latest_charge"]);
    expect([...request.query.keys()][0]).toMatch(/^expand\[\d*\]$/);
  });

  it("reads a session paid by other means than a card without last four digits", async () => {
    await expect(provider.fetchStatus("cs_test_paid_by_bank")).resolves.toMatchObject({
      state: "paid",
      chargeReference: "pi_test_bank",
      cardLast4: null,
    });
  });

  it("reads expired and open sessions", async () => {
    await expect(provider.fetchStatus("cs_test_expired")).resolves.toEqual({ state: "expired" });
    await expect(provider.fetchStatus("cs_test_open")).resolves.toEqual({ state: "open" });
    // Completed, but the bank debit has not cleared yet.
    await expect(provider.fetchStatus("cs_test_processing")).resolves.toEqual({ state: "open" });
  });

  it("passes on Stripe's answer for a session it does not know", async () => {
    await expect(provider.fetchStatus("cs_test_unknown")).rejects.toThrow(/No such resource/);
  });

  it("starts a refund keyed on the shop's refund request", async () => {
    const started = provider.refund({
      chargeReference: "pi_test_paid",
      amountCents: 4_500,
      currency: "EUR",
      refundRequestId,
    });
    await expect(started).resolves.toEqual({ refundReference: "re_test_created" });

    const request = onlyRequest();
    expect(request).toMatchObject({ method: "POST", path: "/v1/refunds", idempotencyKey: refundRequestId });
    expect(Object.fromEntries(request.body)).toEqual({
      payment_intent: "pi_test_paid",
      amount: "4500",
      "metadata[refundRequestId]": refundRequestId,
    });
  });
});
