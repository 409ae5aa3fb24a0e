/** Most of one product on one cart line or order. Kept free of zod: the add-to-cart button ships it. */
export const MAX_LINE_QUANTITY = 99;
