import { currencyExponent } from "@/lib/money";
import type { EmuIntention, EmuTransaction } from "./db/schema";
import { MERCHANT } from "./settings";

// The acquirer's part of a card transaction's `data`: Paymob copies the Mastercard Gateway (MPGS, formerly MIGS)
// order and transaction into `migs_order` / `migs_transaction` and a few flat fields (docs/paymob.md
// § "Transaction object"). Key set and types follow the real callbacks and Postman's inquiry sample
// (tests/fixtures/paymob-samples); the gateway's amounts are in major units (100 for 10000 piastres). The values
// are the emulator's own, built to look like the samples': an authorisation code that is also the STAN, a
// receipt of year digit + day of year + hour (UTC) + STAN, as in every sample.

/** Minor → major units, by the currency's exponent (OMR has 3 decimals). */
const major = (minor: number, currency: string) => minor / 10 ** currencyExponent(currency);

/** Mastercard Gateway transaction types; Paymob's samples show PAYMENT for a sale. */
function gatewayType(t: EmuTransaction): string {
  if (t.kind === "refund") return "REFUND";
  if (t.kind === "void") return "VOID_PAYMENT";
  if (t.kind === "capture") return "CAPTURE";
  return t.isAuth ? "AUTHORIZATION" : "PAYMENT";
}

/** The order's state at the gateway (Mastercard's order.status values); the samples show CAPTURED for a sale. */
function gatewayOrderStatus(t: EmuTransaction, approved: boolean): string {
  if (!approved && t.kind === "payment") return t.pending ? "AUTHENTICATION_INITIATED" : "FAILED";
  if (t.isVoided) return "CANCELLED";
  if (t.isRefunded) return t.refundedAmountCents >= t.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED";
  if (t.isAuth) return t.capturedAmountCents > 0 ? "CAPTURED" : "AUTHORIZED";
  return "CAPTURED";
}

const utcParts = (date: Date) => {
  const iso = date.toISOString(); // 2026-08-03T23:06:03.201Z
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((date.getTime() - startOfYear) / 86_400_000) + 1;
  return { iso, day: iso.slice(0, 10), year: iso.slice(0, 4), dayOfYear, hour: iso.slice(11, 13) };
};

/** Fields of `data` for a card transaction; wallets have none of them. */
export function migsData(
  intention: EmuIntention,
  t: EmuTransaction,
  amounts: { approved: boolean; authorisedCents: number; capturedCents: number },
): Record<string, unknown> {
  const when = utcParts(t.createdAt);
  const stan = String((t.id * 7919) % 1_000_000).padStart(6, "0");
  const receipt = `${when.year.slice(3)}${String(when.dayOfYear).padStart(3, "0")}${when.hour}${stan}`;
  const authentication = t.is3dSecure
    ? t.success
      ? "AUTHENTICATION_SUCCESSFUL"
      : "AUTHENTICATION_FAILED"
    : "AUTHENTICATION_NOT_IN_EFFECT";
  const batch = Number(when.day.replaceAll("-", ""));
  return {
    migs_order: {
      acceptPartialAmount: false,
      amount: major(intention.amountCents, t.currency),
      authenticationStatus: authentication,
      chargeback: { amount: 0, currency: t.currency },
      creationTime: utcParts(intention.createdAt).iso,
      currency: t.currency,
      description: `PAYMOB ${MERCHANT.company_name}`.slice(0, 16),
      id: String(intention.orderId),
      lastUpdatedTime: when.iso,
      merchantAmount: major(intention.amountCents, t.currency),
      merchantCategoryCode: "7299",
      merchantCurrency: t.currency,
      reference: `_${t.id}_${String(intention.orderId).slice(0, 3)}`,
      status: gatewayOrderStatus(t, amounts.approved),
      totalAuthorizedAmount: major(amounts.authorisedCents, t.currency),
      totalCapturedAmount: major(amounts.capturedCents, t.currency),
      totalRefundedAmount: major(t.refundedAmountCents, t.currency),
    },
    migs_transaction: {
      acquirer: {
        batch,
        date: when.day.slice(5).replace("-", ""),
        id: "BMNF_S2I",
        merchantId: "MERCH_C_25P",
        settlementDate: when.day,
        timeZone: "+0300",
        transactionId: "123456789",
      },
      amount: major(t.amountCents, t.currency),
      authenticationStatus: authentication,
      authorizationCode: stan,
      currency: t.currency,
      id: String(t.id),
      receipt,
      reference: `_${t.id}`,
      source: "INTERNET",
      stan,
      terminal: "BMNF0509",
      type: gatewayType(t),
    },
    receipt_no: receipt,
    transaction_no: "123456789",
    batch_no: batch,
    authorize_id: stan,
    secure_hash: "",
    avs_result_code: "",
    avs_acq_response_code: "00",
  };
}
