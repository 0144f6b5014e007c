import "server-only";
import { logger } from "@/lib/logger";

/** The fields of one processed Paymob message that its log line reports. */
export type PaymentLogFields = {
  outcome: string;
  transactionId?: number;
  orderReference?: string;
  from?: string;
  to?: string;
};

/**
 * One structured line per received or replayed Paymob message, searchable by order reference or transaction id:
 * `[paymob-callback] applied orderReference=NC-7K3M9Q2D transactionId=192036465 from=awaiting_payment to=paid`.
 */
export function logPaymentLine(source: string, fields: PaymentLogFields, extra?: string): void {
  const { outcome, ...facts } = fields;
  const level = outcome === "error" ? "error" : WARN_OUTCOMES.has(outcome) ? "warn" : "info";
  logger[level]({ scope: `paymob-${source}`, outcome, ...facts, ...(extra ? { detail: extra } : {}) }, outcome);
}
// Outcomes someone should look at: forged or broken deliveries, money we cannot place, double charges.
const WARN_OUTCOMES = new Set([
  "rejected_signature",
  "malformed",
  "unknown_order",
  "double_payment",
  "too_large",
  "unsupported_media_type",
]);
