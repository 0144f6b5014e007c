import { appUrl } from "@/lib/app-url";
import { EMULATOR_MOUNT } from "@/lib/paymob/emulator-credentials";
import type { EmuIntention, EmuTransaction } from "./db/schema";
import { paymentKeyFor } from "./intention-shapes";

// Paymob's own result page, where the browser goes when an intention has no redirection_url, as real callbacks
// name it in payment_key_claims.redirect_url: `{host}/unifiedcheckout/payment-status?payment_token=…&trx_id=…`
// (docs/paymob.md § "Browser redirect"). Built from configuration, not from a request: callbacks of refunds and
// captures have no request to take a host from.

export function statusPageUrl(intention: EmuIntention, transaction: EmuTransaction): string {
  const url = new URL(`${appUrl()}${EMULATOR_MOUNT}/unifiedcheckout/payment-status`);
  url.searchParams.set("payment_token", paymentKeyFor(intention, transaction.integrationId));
  url.searchParams.set("trx_id", String(transaction.id));
  return url.toString();
}
