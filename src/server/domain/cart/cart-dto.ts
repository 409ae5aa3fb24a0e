import { z } from "zod";
import { productDto } from "../catalog/product-dto";

export const cartDto = z.object({
  items: z.array(z.object({ product: productDto, quantity: z.number().int() })),
  subtotalCents: z.number().int(),
  currency: z.string(),
});

export type CartDto = z.infer<typeof cartDto>;
