import type { RateLimitRule } from "./limiter";

// Every rate limit of the store, in one place. Each is sized so that a person never meets it by using the
// store, and so that twice the limit (a burst across a window boundary, lib/rate-limit/limiter.ts) is harmless.

const MINUTE = 60;

/** Sign-in links to one mailbox (plus-tags folded): stops anyone from mail-bombing an address through the store. */
export const MAGIC_LINKS_PER_EMAIL: RateLimitRule = {
  name: "magic-link:email",
  limit: 5,
  windowSeconds: 15 * MINUTE,
  what: "sign-in links per email address",
};
/** Sign-in links from one client address to any mailboxes: stops one sender spamming many (a shared office or mobile network still fits). */
export const MAGIC_LINKS_PER_CLIENT: RateLimitRule = {
  name: "magic-link:client",
  limit: 20,
  windowSeconds: 15 * MINUTE,
  what: "sign-in links per client address",
};

/** New orders with a Paymob intention per visitor cookie (checkout and "Try again"); a resubmitted form is not a new one. */
export const PAYMENT_STARTS_PER_VISITOR: RateLimitRule = {
  name: "payment-start:visitor",
  limit: 10,
  windowSeconds: 10 * MINUTE,
  what: "payment starts per visitor",
};
/** The same per client address: a script that drops its cookie each time still meets this (generous for carrier-grade NAT). */
export const PAYMENT_STARTS_PER_CLIENT: RateLimitRule = {
  name: "payment-start:client",
  limit: 60,
  windowSeconds: 10 * MINUTE,
  what: "payment starts per client address",
};

/** Admin actions (capture, refund, void, release, replay) per admin: a stuck script or a stolen session is slowed down. */
export const ADMIN_ACTIONS_PER_ADMIN: RateLimitRule = {
  name: "admin-action:admin",
  limit: 20,
  windowSeconds: MINUTE,
  what: "admin actions per admin",
};

/** Stored unverified callbacks (bad or missing signature, malformed) per client address; verified ones are never limited. */
export const UNVERIFIED_CALLBACKS_PER_CLIENT: RateLimitRule = {
  name: "callback-unverified:client",
  limit: 20,
  windowSeconds: 10 * MINUTE,
  what: "unverified callbacks per client address",
};
/** The same from all addresses together: a hard bound on how fast forged requests can grow payment_events. */
export const UNVERIFIED_CALLBACKS_IN_TOTAL: RateLimitRule = {
  name: "callback-unverified:all",
  limit: 120,
  windowSeconds: 10 * MINUTE,
  what: "unverified callbacks from all addresses",
};
