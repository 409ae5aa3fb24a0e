/**
 * The category every product belongs to until it is given another (products
 * made before categories existed, and products created without one). The first
 * migration with categories inserts it with this id.
 */
export const GENERAL_CATEGORY_ID = "00000000-0000-4000-8000-000000000001";
