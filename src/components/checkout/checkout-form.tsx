"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import {
  addressErrorsFromIssues,
  checkAddressDraft,
  emptyAddressDraft,
  type AddressDraft,
  type AddressErrors,
} from "@/components/addresses/address-draft";
import { EmptyState } from "@/components/ui/empty-state";
import type { AddressDto } from "@/lib/contracts/address";
import { newIdempotencyKey } from "@/lib/idempotency-key";
import { formatMoney } from "@/lib/money";
import { countries, type CountryCode } from "@/lib/shop/countries";
import type { ShippingMethodId } from "@/lib/shop/shipping-methods";
import { errorCode, errorMessage, shortProductIds } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { DiscountCodeField } from "./discount-code-field";
import { OrderSummary } from "./order-summary";
import { ShippingMethodPicker } from "./shipping-method-picker";
import { NEW_ADDRESS, ShipTo } from "./ship-to";

// The address inputs in the order they appear, to focus the first one that needs attention.
const FIELD_ORDER = ["name", "line1", "line2", "city", "country", "postalCode", "phone"] as const;

function knownCountry(code: string): CountryCode | undefined {
  return Object.hasOwn(countries, code) ? (code as CountryCode) : undefined;
}

export function CheckoutForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: cart } = useSuspenseQuery(trpc.cart.get.queryOptions());
  const { data: saved } = useSuspenseQuery(trpc.account.addresses.list.queryOptions());
  const [chosenId, setChoice] = useState(saved[0]?.id ?? NEW_ADDRESS);
  // A saved address deleted in another tab falls back to the first one left, or a new one.
  const choice =
    chosenId === NEW_ADDRESS || saved.some((address) => address.id === chosenId)
      ? chosenId
      : (saved[0]?.id ?? NEW_ADDRESS);
  const [draft, setDraft] = useState<AddressDraft>(emptyAddressDraft);
  const [addressErrors, setAddressErrors] = useState<AddressErrors>({});
  const [method, setMethod] = useState<ShippingMethodId>("standard");
  const [discountCode, setDiscountCode] = useState("");
  // One key per checkout attempt: a double click or a retry after a network error replays the same order.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const placeOrder = useMutation(trpc.checkout.placeOrder.mutationOptions());
  const [succeeded, setSucceeded] = useState(false);
  const busy = placeOrder.isPending || succeeded;

  const chosen = saved.find((address) => address.id === choice);
  const country = chosen?.country ?? knownCountry(draft.country);
  const quote = useQuery({
    ...trpc.checkout.quote.queryOptions({
      country,
      shippingMethod: method,
      discountCode: discountCode || undefined,
    }),
    placeholderData: keepPreviousData,
    // The cart may have changed in another tab since this was priced: always ask again on mount.
    staleTime: 0,
  });
  // The button states the total it charges: never while that total is an older quote's.
  const pricing = quote.isFetching || quote.isPlaceholderData;

  if (cart.items.length === 0 && !busy) {
    return (
      <EmptyState
        testId="empty-cart"
        message="Your cart is empty, so there is nothing to check out."
        action={{ href: "/", label: "Browse products" }}
      />
    );
  }

  function showAddressErrors(errors: AddressErrors) {
    setAddressErrors(errors);
    const first = FIELD_ORDER.find((field) => errors[field]?.length);
    if (first) document.getElementById(`shipping-${first}`)?.focus();
  }

  function shippingAddress(): AddressDto | null {
    if (chosen) return chosen;
    const checked = checkAddressDraft(draft);
    showAddressErrors(checked.ok ? {} : checked.errors);
    return checked.ok ? checked.address : null;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const address = shippingAddress();
    if (!address) return;
    placeOrder.mutate(
      { idempotencyKey, shippingAddress: address, shippingMethod: method, discountCode: discountCode || undefined },
      {
        onSuccess: ({ order, paymentUrl }) => {
          setSucceeded(true);
          queryClient.setQueryData(trpc.cart.get.queryKey(), { items: [], subtotalCents: 0, currency: cart.currency });
          void queryClient.invalidateQueries(trpc.orders.list.pathFilter());
          // The card is taken on the provider's own page; it sends the shopper back to the order.
          if (paymentUrl) window.location.assign(paymentUrl);
          else router.push(`/orders/${order.id}`);
        },
        onError: (error) => {
          const code = errorCode(error);
          showAddressErrors(addressErrorsFromIssues(error.data?.issues, "shippingAddress"));
          // The cart or the code's uses changed under us: show the current prices.
          if (code === "CONFLICT") {
            void queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
            void queryClient.invalidateQueries(trpc.checkout.quote.pathFilter());
          }
          // This key bought a different cart: the next attempt is a new checkout.
          if (code === "UNPROCESSABLE_CONTENT") setIdempotencyKey(newIdempotencyKey());
        },
      },
    );
  }

  const shortIds = new Set(errorCode(placeOrder.error) === "CONFLICT" ? shortProductIds(placeOrder.error) : []);
  const shortNames = cart.items.filter((item) => shortIds.has(item.product.id)).map((item) => item.product.name);
  const totalText = quote.data ? ` · ${formatMoney(quote.data.totalCents, quote.data.currency)}` : "";

  return (
    <form className="checkout" onSubmit={submit} noValidate aria-labelledby="checkout-title">
      <div className="stack">
        <section className="panel stack" aria-labelledby="shipping-title">
          <h2 id="shipping-title" style={{ margin: 0 }}>
            Shipping
          </h2>
          <ShipTo
            saved={saved}
            choice={choice}
            onChoose={setChoice}
            draft={draft}
            onDraftChange={setDraft}
            errors={addressErrors}
            disabled={busy}
          />
          {quote.data ? (
            <ShippingMethodPicker quote={quote.data} value={method} onChange={setMethod} disabled={busy} />
          ) : null}
          <DiscountCodeField
            applied={discountCode}
            onApply={setDiscountCode}
            discount={quote.data?.discount ?? null}
            disabled={busy}
          />
        </section>
      </div>
      <div className="stack">
        {quote.data ? (
          <OrderSummary quote={quote.data} stale={quote.isFetching} />
        ) : quote.isError ? (
          <p className="notice notice--error">{errorMessage(quote.error)}</p>
        ) : (
          <section className="panel" aria-busy="true">
            <p>Pricing your cart…</p>
          </section>
        )}
        <section className="panel stack" aria-labelledby="payment-title">
          <h2 id="payment-title" style={{ margin: 0 }}>
            Payment
          </h2>
          <div aria-live="polite">
            {placeOrder.isError ? (
              <p className="notice notice--error" data-testid="checkout-error">
                {errorMessage(placeOrder.error)}
                {shortNames.length > 0 ? ` Sold out or short: ${shortNames.join(", ")}.` : null}
              </p>
            ) : null}
          </div>
          <p style={{ margin: 0 }}>
            You pay on the payment provider&apos;s secure page; your card details never reach this shop. The items are
            held for you while you pay.
          </p>
          <button type="submit" className="button" disabled={busy || pricing}>
            {busy ? "Opening the payment page…" : `Continue to payment${totalText}`}
          </button>
        </section>
      </div>
    </form>
  );
}
