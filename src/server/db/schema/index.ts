export * from "./users";
export * from "./products";
export * from "./rate-limits";
