import type { OrderStatus } from "@/db/schema/orders";
import en from "@/lib/i18n/messages/en/orders.json";

// An order's status is a code (db/schema/orders.ts); its words live in the "orders" messages, per language:
// orders.status.<status> (the badge) and orders.next.<status> (what it means and what happens next), so every
// page agrees and Arabic pages say it in Arabic (components/account/order-status.tsx).

/**
 * English copies for the pages that do not use the messages yet (the checkout return card, the admin list).
 * Read from the English messages, so nothing is spelled twice; `satisfies` fails the build when a status has no words.
 */
export const ORDER_STATUS_LABELS = en.status satisfies Record<OrderStatus, string>;

/** English copy of orders.next: what a state means for the customer and what happens next. */
export const ORDER_STATUS_NEXT = en.next satisfies Record<OrderStatus, { meaning: string; next: string }>;
