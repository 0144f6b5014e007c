import type { OrderStatus } from "@/db/schema/orders";

// What an admin action answers, as codes with their facts, never as sentences: the words (English or Arabic) and
// the money and date formats belong to the page that shows them (components/admin/notice-text.ts), which knows
// the admin's language. Amounts travel as integer minor units with their currency. Log lines stay English.

/** The kind of request a notice speaks of: a refund or void of a capture, a capture or void of an authorisation. */
type RequestKind = "refund" | "void" | "capture";

/** An admin form whose fields did not parse: the page is stale or was tampered with. */
type AdminForm = "refund" | "void" | "capture" | "release" | "replay" | "price";

type Money = { amountMinor: number; currency: string };

export type AdminNotice =
  // Refused before anything was read.
  | { code: "not_admin" }
  | { code: "rate_limited"; retryAfterSeconds: number }
  | { code: "form_incomplete"; form: AdminForm }
  // Refunds and voids of a capture (lib/admin/reversal-balance.ts refusals and the checks before them).
  | { code: "no_payment" }
  | { code: "nothing_to_refund"; currency: string; pendingMinor: number }
  | { code: "amount_unreadable"; example: string }
  | { code: "not_captured" }
  | { code: "payment_voided" }
  | { code: "payment_void_pending" }
  | { code: "refund_pending"; currency: string; pendingMinor: number }
  | { code: "void_needs_unrefunded" }
  | ({ code: "refund_exceeds"; pendingMinor: number } & Money)
  // Captures and voids of an authorisation (lib/admin/authorisation-balance.ts refusals).
  | { code: "no_authorisation" }
  | { code: "authorisation_captured" }
  | { code: "authorisation_voided" }
  | { code: "capture_pending" }
  | { code: "authorisation_void_pending" }
  | { code: "second_authorisation" }
  | { code: "order_not_authorised" }
  | { code: "authorised_amount_differs"; currency: string; authorisedMinor: number; orderMinor: number }
  // The confirmation step (lib/admin/confirmation.ts); `whole`: the amount is all that is still refundable.
  | ({ code: "confirm_refund"; reference: string; whole: boolean } & Money)
  | ({ code: "confirm_void"; reference: string } & Money)
  | ({ code: "confirm_authorisation_void"; reference: string } & Money)
  // Paymob's answer (lib/admin/send-reversal.ts). `reason` and `said` are Paymob's own words, shown as received.
  | ({ code: "requested"; kind: RequestKind; pending: boolean } & Money)
  | ({ code: "paymob_refused"; kind: RequestKind; reason: string } & Money)
  | ({ code: "paymob_declined"; kind: RequestKind; said: string | null } & Money)
  | ({ code: "paymob_unconfirmed"; kind: RequestKind; reason: string } & Money)
  // Releasing a request Paymob never confirmed.
  | { code: "release_impossible" }
  | { code: "released"; kind: RequestKind }
  // Replaying a stored callback.
  | { code: "no_callback" }
  | { code: "replayed"; eventId: number; outcome: string; from: OrderStatus | null; to: OrderStatus | null }
  | { code: "replay_refused"; reason: "not_found" | "not_replayable" }
  // The catalog (/admin/products).
  | { code: "price_missing" }
  | { code: "price_unreadable"; input: string; currency: string; example: string }
  | { code: "price_zero" }
  | { code: "price_too_high"; currency: string; maxMinor: number }
  | { code: "price_not_saved" }
  | { code: "product_gone" }
  | { code: "currency_changed"; productCurrency: string; formCurrency: string }
  | { code: "price_unchanged"; product: string; currency: string; priceMinor: number }
  | { code: "price_changed"; product: string; currency: string; priceMinor: number; oldPriceMinor: number }
  | { code: "catalog_refreshed" };

export type AdminNoticeCode = AdminNotice["code"];

export const NOT_ADMIN = { code: "not_admin" } as const satisfies AdminNotice;
