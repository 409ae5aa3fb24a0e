import type { TRPCRouterRecord } from "@trpc/server";
import { noInput } from "@/lib/contracts/common";
import { cart, setCartItemInput } from "@/lib/contracts/cart";
import { clearCart } from "../../domain/cart/clear-cart";
import { getCart } from "../../domain/cart/get-cart";
import { setCartItem } from "../../domain/cart/set-cart-item";
import { procedure } from "../trpc";

export const cartRouter = {
  get: procedure("read:cart:own")
    .meta({
      openapi: {
        method: "GET",
        path: "/cart",
        tags: ["Cart"],
        summary: "Get your cart",
        errorResponses: { 401: "No valid token or session", 403: "The token lacks the read scope" },
        description: "With current prices.",
      },
    })
    .input(noInput)
    .output(cart)
    .query(({ ctx }) => getCart(ctx.db, ctx.actor)),

  setItem: procedure("update:cart:own")
    .meta({
      openapi: {
        method: "PUT",
        path: "/cart/items/{productId}",
        tags: ["Cart"],
        summary: "Set a cart line",
        errorResponses: {
          400: "Invalid input: the issues name the field",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          404: "No such product, or it is no longer sold",
          409: "Not enough stock; details.available says how many are left",
        },
        description: "Sets the quantity of one product (0 removes it). 409 when the stock is short.",
      },
    })
    .input(setCartItemInput)
    .output(cart)
    .mutation(({ ctx, input }) => setCartItem(ctx.db, ctx.actor, input)),

  clear: procedure("update:cart:own")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/cart",
        tags: ["Cart"],
        summary: "Empty your cart",
        description: "Removes every item from your cart and returns the empty cart. Needs no body.",
        errorResponses: { 401: "No valid token or session", 403: "The token lacks the orders scope" },
      },
    })
    .input(noInput)
    .output(cart)
    .mutation(({ ctx }) => clearCart(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
