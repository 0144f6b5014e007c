import "server-only";
import type { Db } from "@/db/client";
import type { Order, OrderLine, PaymentAttempt } from "@/db/schema";
import { findAttemptWithOrder, linesOfOrderIn, type AttemptLookup } from "@/lib/orders/queries";
import { isOwner, type Owner } from "./owner";

export type OwnedAttempt = { order: Order; attempt: PaymentAttempt; lines: OrderLine[] };

/**
 * The attempt with its order and lines, only when `owner` owns the order. Anyone else gets undefined, exactly
 * as if it did not exist, so a leaked return URL reveals nothing (the page answers 404 either way).
 */
export async function loadOwnedAttempt(db: Db, lookup: AttemptLookup, owner: Owner): Promise<OwnedAttempt | undefined> {
  const row = await findAttemptWithOrder(db, lookup);
  if (!row || !isOwner(row.order, owner)) return undefined;
  // Named in the language the order was placed in, as the shopper read them in the cart (the snapshot stays the record).
  return { ...row, lines: await linesOfOrderIn(db, row.order.id, row.order.locale) };
}
