export * from "./auth";
export * from "./catalog";
export * from "./cart";
export * from "./orders";
export * from "./payments";
export * from "./reversals";
export * from "./rate-limits";
export * from "./saved-cards";
