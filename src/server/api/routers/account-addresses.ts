import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { MAX_SAVED_ADDRESSES } from "@/lib/address-book-limits";
import { addressFields, addressIdInput, savedAddress, updateAddressInput } from "@/lib/contracts/address";
import { noInput } from "@/lib/contracts/common";
import { createAddress } from "../../domain/addresses/create-address";
import { deleteOwnAddress } from "../../domain/addresses/delete-address";
import { listOwnAddresses } from "../../domain/addresses/list-addresses";
import { updateOwnAddress } from "../../domain/addresses/update-address";
import { procedure } from "../trpc";

const addressList = z
  .array(savedAddress)
  .meta({ id: "AddressList", description: `Your saved addresses, oldest first (${MAX_SAVED_ADDRESSES} at most).` });

const notYours = "No such address of yours";

/** The customer's address book (`account.addresses`): someone else's address is 404, exactly like a missing one. */
export const accountAddressesRouter = {
  list: procedure("read:address:own")
    .meta({
      openapi: {
        method: "GET",
        path: "/account/addresses",
        tags: ["Account"],
        summary: "List your saved addresses",
        errorResponses: { 401: "No valid token or session", 403: "The token lacks the read scope" },
        description: "Oldest first; editing an address does not move it.",
      },
    })
    .input(noInput)
    .output(addressList)
    .query(({ ctx }) => listOwnAddresses(ctx.db, ctx.actor)),

  create: procedure("manage:address:own")
    .meta({
      rest: { created: true },
      openapi: {
        method: "POST",
        path: "/account/addresses",
        tags: ["Account"],
        summary: "Save an address",
        errorResponses: {
          400: "Invalid input: the issues name the field (a postal code that does not fit the country names postalCode)",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          409: `The address book is full (${MAX_SAVED_ADDRESSES} addresses)`,
        },
        description:
          "Adds an address to your address book and answers 201 with its Location. The postal code must fit the country.",
      },
    })
    .input(addressFields)
    .output(savedAddress)
    .mutation(({ ctx, input }) => createAddress(ctx.db, ctx.actor, input)),

  update: procedure("manage:address:own")
    .meta({
      openapi: {
        method: "PUT",
        path: "/account/addresses/{id}",
        tags: ["Account"],
        summary: "Change a saved address",
        errorResponses: {
          400: "Invalid input: the issues name the field, under address",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          404: notYours,
        },
        description:
          "Replaces every field with the body's `address`. Orders placed with it keep the address they were placed with.",
      },
    })
    .input(updateAddressInput)
    .output(savedAddress)
    .mutation(({ ctx, input }) => updateOwnAddress(ctx.db, ctx.actor, input.id, input.address)),

  delete: procedure("manage:address:own")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/account/addresses/{id}",
        tags: ["Account"],
        summary: "Delete a saved address",
        errorResponses: {
          400: "Not an address id",
          401: "No valid token or session",
          403: "The token lacks the orders scope",
          404: notYours,
        },
        description: "Answers with the address as it was. Orders placed with it keep their own copy.",
      },
    })
    .input(addressIdInput)
    .output(savedAddress)
    .mutation(({ ctx, input }) => deleteOwnAddress(ctx.db, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;
