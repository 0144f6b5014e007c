import { randomBytes, randomInt } from "node:crypto";

// Crockford's base32 alphabet: no I, L, O or U, so a reference read aloud over the phone cannot be misheard.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const ORDER_REFERENCE_PATTERN = /^NC-[0-9A-HJKMNP-TV-Z]{8}$/;

/** "NC-7K3M9Q2D": 40 random bits, so references cannot be enumerated (ownership is still checked). */
export function newOrderReference(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CROCKFORD[randomInt(32)];
  return `NC-${code}`;
}

/** Paymob's `special_reference` must be unique per payment attempt; it comes back as `merchant_order_id`. */
export function attemptSpecialReference(orderReference: string, attemptNumber: number): string {
  if (!Number.isSafeInteger(attemptNumber) || attemptNumber < 1)
    throw new RangeError(`attempt number must be ≥ 1, got ${attemptNumber}`);
  return `${orderReference}-${attemptNumber}`;
}

/** The attempt number back out of a special reference ("NC-7K3M9Q2D-2" → 2), for logs and labels. */
export function attemptNumberOf(specialReference: string): number | undefined {
  const match = /-(\d+)$/.exec(specialReference);
  return match ? Number(match[1]) : undefined;
}

/** A random, URL-safe key identifying one rendered checkout form (double-submit guard). */
export function newCheckoutKey(): string {
  return randomBytes(18).toString("base64url");
}
