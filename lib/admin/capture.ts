import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { orders } from "@/db/schema/orders";
import { paymentAttempts, paymentTransactions } from "@/db/schema/payments";
import type { Viewer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { PaymobError } from "@/lib/paymob/errors";
import { asAdmin, type AdminViewer } from "./guard";
import { attemptLedger } from "./ledger";
import type { AdminActionState } from "./operations";

// Capture or release (void) an authorisation: a payment Paymob approved with is_auth=true, which holds the money
// on the card without taking it. Same rules as refund and void (operations.ts): check the caller, validate
// with zod, re-read the order, only then call Paymob — and never change the order here. Paymob answers with a
// capture (or void) child transaction and POSTs it to our callback; that verified callback moves the order
// authorised → paid (or voided).

export type CaptureGateway = {
  capture(input: { transactionId: number; amountCents: number }): Promise<unknown>;
  void(input: { transactionId: number }): Promise<unknown>;
};

const REFUSED = { status: "refused", message: "Not allowed: this needs an administrator." } as const;
const authorisationInput = z.object({ reference: z.string().trim().min(1).max(64), attemptId: z.uuid(), transactionId: z.coerce.number().int().positive() });

// One request per authorisation at a time in this process, so a double-clicked "Capture" sends one. Across
// servers Paymob refuses a second capture of a captured authorisation, and a second capture that still got
// through arrives as a second charge the callback flags for review.
const inFlight = new Set<number>();

async function loadAuthorisation(db: Db, form: z.infer<typeof authorisationInput>) {
  const [row] = await db
    .select({ orderId: orders.id, orderStatus: orders.status, reference: orders.reference, amountMinor: paymentAttempts.amountMinor, currency: paymentAttempts.currency })
    .from(paymentAttempts)
    .innerJoin(orders, eq(orders.id, paymentAttempts.orderId))
    .where(and(eq(orders.reference, form.reference), eq(paymentAttempts.id, form.attemptId)))
    .limit(1);
  if (!row) return null;
  // The whole order's transactions: a second authorisation is only recognisable next to the first.
  const transactions = await db.select().from(paymentTransactions).where(eq(paymentTransactions.orderId, row.orderId));
  const authorisation = attemptLedger(transactions, form.attemptId).authorisations.find((a) => a.transactionId === form.transactionId);
  return authorisation ? { ...row, authorisation } : null;
}

async function callPaymob(admin: AdminViewer, action: "capture" | "void", reference: string, transactionId: number, call: () => Promise<unknown>, done: string): Promise<AdminActionState> {
  if (inFlight.has(transactionId)) return { status: "invalid", message: "A request for this authorisation is already in progress." };
  inFlight.add(transactionId);
  try {
    console.log(`[admin] ${admin.verifiedEmail} ${action} authorisation order=${reference} transaction=${transactionId}`);
    await call();
    return { status: "requested", message: done };
  } catch (error) {
    if (!(error instanceof PaymobError)) throw error;
    console.error(`[admin] ${action} authorisation order=${reference} failed: ${error.message}`);
    return { status: "failed", message: `Paymob refused the ${action}: ${error.message}` };
  } finally {
    inFlight.delete(transactionId);
  }
}

/** Captures the whole authorised amount, which must be exactly what the order asked for. */
export async function requestCapture(viewer: Viewer | null, db: Db, form: unknown, gateway: CaptureGateway): Promise<AdminActionState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = authorisationInput.safeParse(form);
  if (!input.success) return { status: "invalid", message: "This capture form is incomplete. Reload the page." };
  const found = await loadAuthorisation(db, input.data);
  if (!found) return { status: "invalid", message: "No such authorisation on this order." };
  const { authorisation, reference, currency } = found;
  if (!authorisation.canCapture || found.orderStatus !== "authorised") {
    return { status: "invalid", message: "Only an open authorisation of an order awaiting capture can be captured." };
  }
  if (authorisation.amountMinor !== found.amountMinor) {
    return { status: "invalid", message: `The authorised ${formatMoney(authorisation.amountMinor, currency)} is not the order's ${formatMoney(found.amountMinor, currency)}: void it instead.` };
  }
  const amountCents = authorisation.amountMinor;
  return callPaymob(admin, "capture", reference, authorisation.transactionId, () => gateway.capture({ transactionId: authorisation.transactionId, amountCents }), `Capture of ${formatMoney(amountCents, currency)} requested. The order turns paid when Paymob's callback arrives.`);
}

/** Releases the hold: nothing was charged, so there is nothing to refund. */
export async function requestAuthorisationVoid(viewer: Viewer | null, db: Db, form: unknown, gateway: CaptureGateway): Promise<AdminActionState> {
  const admin = asAdmin(viewer);
  if (!admin) return REFUSED;
  const input = authorisationInput.safeParse(form);
  if (!input.success) return { status: "invalid", message: "This void form is incomplete. Reload the page." };
  const found = await loadAuthorisation(db, input.data);
  if (!found) return { status: "invalid", message: "No such authorisation on this order." };
  const { authorisation, reference } = found;
  if (!authorisation.canVoid) return { status: "invalid", message: "This authorisation was already captured or voided." };
  return callPaymob(admin, "void", reference, authorisation.transactionId, () => gateway.void({ transactionId: authorisation.transactionId }), "Void requested. The hold is released when Paymob's callback arrives.");
}
