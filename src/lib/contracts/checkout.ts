import { z } from "zod";
import { countryCodes } from "../shop/countries";
import { shippingMethodIds } from "../shop/shipping-methods";
import { taxModes } from "../shop/tax-rates";
import { textInput } from "../validation/text";
import { product } from "./catalog";
import { cents, currency } from "./common";

export const shippingMethodInput = z
  .enum(shippingMethodIds, { error: `Choose a shipping method: ${shippingMethodIds.join(" or ")}` })
  .meta({ description: "How the order ships; `checkout.quote` lists them with their prices." });

export const discountCodeInput = textInput(40, "Discount codes are at most 40 characters")
  .trim()
  .meta({ description: "A discount code as the shopper typed it (case does not matter); empty means none." });

export const quoteInput = z.object({
  // Flat, not the whole shippingAddress: the REST twin is a GET, and only the country changes the price.
  country: z
    .enum(countryCodes, { error: "Choose a country from the shop's list" })
    .optional()
    .meta({ description: "The shipping address's country: it sets the shipping zone and the tax rate." }),
  shippingMethod: shippingMethodInput.optional(),
  discountCode: discountCodeInput.optional(),
});

export const checkoutQuote = z
  .object({
    lines: z.array(
      z.object({ product, quantity: z.number().int(), lineTotalCents: cents("Unit price times quantity.") }),
    ),
    subtotalCents: cents("Sum of the lines at today's prices."),
    discountCents: cents("Taken off the subtotal by the discount code."),
    shippingCents: cents("For the chosen method to the address's zone; null until both are given.").nullable(),
    taxCents: cents("At the destination country's rate; null until the address is given.").nullable(),
    totalCents: cents("What the shopper pays (without shipping and tax while those are unknown)."),
    currency,
    taxMode: z.enum(taxModes).meta({
      description: "exclusive: tax is added to the prices; inclusive: the prices already contain the tax shown.",
    }),
    discount: z
      .object({
        code: z.string(),
        applies: z.boolean(),
        message: z.string().meta({ description: "What the code does, or why it does not apply." }),
      })
      .nullable(),
    shippingMethods: z.array(
      z.object({
        id: z.enum(shippingMethodIds),
        name: z.string(),
        delivery: z.string(),
        priceCents: cents("To the given address for this cart; null until the address is given.").nullable(),
        freeFromCents: cents("Free from this merchandise total to the address's zone; null if never.").nullable(),
      }),
    ),
  })
  .meta({ id: "CheckoutQuote", description: "The cart's totals as checkout would charge them now." });

export type QuoteInput = z.infer<typeof quoteInput>;
export type CheckoutQuoteDto = z.infer<typeof checkoutQuote>;
