import "server-only";
import type { Db } from "@/db/client";
import { readStoredTransaction } from "@/lib/paymob/callbacks";
import { applyTransaction, type ApplyResult } from "./apply-transaction";
import { paymentEventById } from "./event-queries";

export class ReplayError extends Error {
  constructor(
    readonly code: "not_found" | "not_replayable",
    message: string,
  ) {
    super(message);
    this.name = "ReplayError";
  }
}

/**
 * Admin "Replay": runs a stored, authenticated TRANSACTION event through the same path as a live callback.
 * Idempotent: an already-applied state comes back as "duplicate"; an event that found no order at the time
 * (e.g. it raced the attempt's creation) is applied now. Unverified events are never replayed.
 */
export async function replayEvent(db: Db, eventId: number): Promise<ApplyResult> {
  const event = await paymentEventById(db, eventId);
  if (!event) throw new ReplayError("not_found", `payment event ${eventId} does not exist`);
  if (event.kind !== "TRANSACTION" || event.verification !== "valid") {
    throw new ReplayError(
      "not_replayable",
      `payment event ${eventId} is a ${event.verification} ${event.kind} event; only verified transactions can be replayed`,
    );
  }
  const obj = readStoredTransaction(event.rawBody);
  if (!obj)
    throw new ReplayError("not_replayable", `payment event ${eventId} no longer parses as a Paymob transaction`);
  return applyTransaction(db, obj, { source: "replay", rawBody: event.rawBody, signature: event.signature });
}
