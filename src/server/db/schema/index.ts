export * from "./users";
export * from "./products";
export * from "./rate-limits";
export * from "./cart";
export * from "./orders";
export * from "./payments";
export * from "./events";
export * from "./api-tokens";
