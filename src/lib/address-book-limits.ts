/** Most addresses one customer keeps; the address book hides "Add an address" at this many. */
export const MAX_SAVED_ADDRESSES = 20;
