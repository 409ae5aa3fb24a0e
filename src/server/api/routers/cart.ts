import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { cart, setCartItemInput } from "@/lib/contracts/cart";
import { clearCart } from "../../domain/cart/clear-cart";
import { getCart } from "../../domain/cart/get-cart";
import { setCartItem } from "../../domain/cart/set-cart-item";
import { protectedProcedure } from "../trpc";

export const cartRouter = {
  get: protectedProcedure
    .meta({
      access: "read:cart:own",
      openapi: {
        method: "GET",
        path: "/cart",
        tags: ["Cart"],
        summary: "Get your cart",
        description: "With current prices.",
      },
    })
    .input(z.void())
    .output(cart)
    .query(({ ctx }) => getCart(ctx.db, ctx.actor)),

  setItem: protectedProcedure
    .meta({
      access: "update:cart:own",
      openapi: {
        method: "PUT",
        path: "/cart/items/{productId}",
        tags: ["Cart"],
        summary: "Set a cart line",
        description: "Sets the quantity of one product (0 removes it). 409 when the stock is short.",
      },
    })
    .input(setCartItemInput)
    .output(cart)
    .mutation(({ ctx, input }) => setCartItem(ctx.db, ctx.actor, input)),

  clear: protectedProcedure
    .meta({
      access: "update:cart:own",
      openapi: { method: "DELETE", path: "/cart", tags: ["Cart"], summary: "Empty your cart" },
    })
    .input(z.void())
    .output(cart)
    .mutation(({ ctx }) => clearCart(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
