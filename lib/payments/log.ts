import "server-only";

/** The fields of one processed Paymob message that its log line reports. */
export type PaymentLogFields = {
  outcome: string;
  transactionId?: number;
  orderReference?: string;
  from?: string;
  to?: string;
};

/**
 * One structured line per received or replayed Paymob message, greppable by order reference or transaction id:
 * `[paymob-callback] order=NC-7K3M9Q2D txn=192036465 outcome=applied awaiting_payment→paid`.
 */
export function logPaymentLine(source: string, fields: PaymentLogFields, extra?: string): void {
  const parts = [`[paymob-${source}]`, `order=${fields.orderReference ?? "-"}`, `txn=${fields.transactionId ?? "-"}`, `outcome=${fields.outcome}`];
  if (fields.from && fields.to) parts.push(`${fields.from}→${fields.to}`);
  if (extra) parts.push(extra);
  const line = parts.join(" ");
  if (fields.outcome === "error") console.error(line);
  else if (WARN_OUTCOMES.has(fields.outcome)) console.warn(line);
  else console.info(line);
}

// Outcomes someone should look at: forged or broken deliveries, money we cannot place, double charges.
const WARN_OUTCOMES = new Set(["rejected_signature", "malformed", "unknown_order", "double_payment", "too_large", "unsupported_media_type"]);
