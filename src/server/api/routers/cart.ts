import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { setCartItemInput } from "@/lib/validation/shopping";
import { cartDto } from "../../domain/cart/cart-dto";
import { clearCart } from "../../domain/cart/clear-cart";
import { getCart } from "../../domain/cart/get-cart";
import { setCartItem } from "../../domain/cart/set-cart-item";
import { protectedProcedure } from "../trpc";

export const cartRouter = {
  /** Customers: their own cart with current prices. */
  get: protectedProcedure
    .input(z.void())
    .output(cartDto)
    .query(({ ctx }) => getCart(ctx.db, ctx.actor)),

  /** Customers: set a line's quantity (0 removes); CONFLICT when stock is short. */
  setItem: protectedProcedure
    .input(setCartItemInput)
    .output(cartDto)
    .mutation(({ ctx, input }) => setCartItem(ctx.db, ctx.actor, input)),

  /** Customers: empty their own cart. */
  clear: protectedProcedure
    .input(z.void())
    .output(cartDto)
    .mutation(({ ctx }) => clearCart(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
