import { orders } from "../../db/schema";

/** The order columns every order result starts from, selected explicitly. */
export const orderColumns = {
  id: orders.id,
  status: orders.status,
  totalCents: orders.totalCents,
  currency: orders.currency,
  createdAt: orders.createdAt,
};
