import { currencyExponent } from "@/lib/money";
import type { EmuIntention, EmuTransaction } from "./db/schema";
import { MERCHANT, OWNER_USER_ID, PROFILE_ID } from "./settings";
import { claimsBillingData, creationExtras, echoedBillingData, type IntentionItem } from "./intention-shapes";
import { migsData } from "./migs-data";
import { statusPageUrl } from "./status-page";

// Builds Paymob's TRANSACTION object (the callback's `obj`, the inquiry and refund responses) from the emulator's
// rows. Key set and value types follow the real 2024 docs sample and 2025/2026 EGY/KSA payloads (docs/paymob.md
// § "Transaction object"; tests/integration/emulator-contract.test.ts diffs them against the public samples):
// numbers stay numbers, booleans stay booleans, null where the samples have null. The 20 HMAC-signed fields come
// straight from the row, so the signature covers exactly what is emitted.

export type TransactionObject = Record<string, unknown> & {
  id: number;
  order: Record<string, unknown> & { id: number; merchant_order_id: string | null };
};

/** What the object looks like to the outside, plus the overrides the out-of-order scenario needs for its stale copy. */
export function buildTransactionObject(
  intention: EmuIntention,
  tx: EmuTransaction,
  now?: Partial<Pick<EmuTransaction, "pending" | "success" | "message" | "txnResponseCode" | "updatedText">>,
): TransactionObject {
  const t = { ...tx, ...now };
  const approved = (t.kind === "payment" || t.kind === "capture") && t.success && !t.pending;
  // What this transaction itself captured: a sale or a capture child its amount, an authorisation nothing (its
  // captures are children; it only reports their total as the unsigned captured_amount).
  const captured = !approved ? 0 : t.isAuth ? t.capturedAmountCents : t.amountCents;
  const billing = echoedBillingData(intention.billingData);
  const items = intention.items as IntentionItem[];
  const card = t.sourceType === "card";
  return {
    id: t.id,
    pending: t.pending,
    amount_cents: t.amountCents,
    success: t.success,
    is_auth: t.isAuth,
    is_capture: t.kind === "capture",
    is_standalone_payment: t.kind === "payment",
    is_voided: t.isVoided,
    is_refunded: t.isRefunded,
    is_3d_secure: t.is3dSecure,
    integration_id: t.integrationId,
    profile_id: PROFILE_ID,
    has_parent_transaction: t.parentId !== null,
    order: {
      id: intention.orderId,
      created_at: intention.createdText,
      delivery_needed: false,
      merchant: MERCHANT,
      collector: null,
      amount_cents: intention.amountCents,
      shipping_data: {
        id: intention.orderId,
        ...billing,
        extra_description: "",
        shipping_method: "UNK",
        order_id: intention.orderId,
        order: intention.orderId,
      },
      currency: intention.currency,
      is_payment_locked: false,
      is_return: false,
      is_cancel: false,
      is_returned: false,
      is_canceled: false,
      merchant_order_id: intention.specialReference,
      wallet_notification: null,
      paid_amount_cents: intention.status === "paid" ? intention.amountCents : 0,
      notify_user_with_email: false,
      // No image here, unlike the intention's items: none of the samples' order items carries one.
      items: items.map((i) => ({
        name: i.name,
        description: i.description,
        amount_cents: i.amount,
        quantity: i.quantity,
      })),
      order_url: "NA",
      commission_fees: 0,
      delivery_fees_cents: 0,
      delivery_vat_cents: 0,
      payment_method: "tbc",
      merchant_staff_tag: null,
      api_source: "OTHER",
      data: {},
      payment_status: intention.status === "paid" ? "PAID" : "UNPAID",
      terminal_version: null,
      payme_details: null,
    },
    created_at: t.createdText,
    transaction_processed_callback_responses: [],
    currency: t.currency,
    source_data: { pan: t.sourcePan, type: t.sourceType, tenure: null, sub_type: t.sourceSubType },
    api_source: t.apiSource,
    terminal_id: null,
    merchant_commission: 0,
    accept_fees: 0,
    installment: null,
    discount_details: [],
    amount_cents_int: t.amountCents,
    is_void: t.kind === "void",
    is_refund: t.kind === "refund",
    data: {
      gateway_integration_pk: t.integrationId,
      klass: card ? "MigsPayment" : "WalletPayment",
      created_at: t.createdText,
      amount: t.amountCents,
      currency: t.currency,
      merchant: card ? "TESTMERCH_C_25P" : "EMULATOR_WALLET",
      migs_result: t.success ? "SUCCESS" : t.pending ? "PENDING" : "FAILURE",
      txn_response_code: t.txnResponseCode,
      acq_response_code: t.acqResponseCode,
      message: t.message,
      merchant_txn_ref: String(t.id),
      order_info: String(intention.orderId),
      card_type: card ? t.sourceSubType.toUpperCase() : null,
      ...(card
        ? migsData(intention, t, {
            approved,
            authorisedCents: approved ? t.amountCents : 0,
            capturedCents: t.isAuth ? t.capturedAmountCents : captured,
          })
        : {}),
      card_num: t.cardNum,
      captured_amount: captured / 10 ** currencyExponent(t.currency),
      authorised_amount: approved ? t.amountCents / 10 ** currencyExponent(t.currency) : 0,
      refunded_amount: t.refundedAmountCents ? t.refundedAmountCents / 10 ** currencyExponent(t.currency) : null,
      acs_eci: t.is3dSecure ? "02" : "07",
      ...(t.is3dSecure
        ? { authentication_status: t.success ? "AUTHENTICATION_SUCCESSFUL" : "AUTHENTICATION_FAILED" }
        : {}),
    },
    is_hidden: false,
    // The claims of the payment key that paid: the URLs only when the intention set them (the docs sample has
    // neither), and redirect_url, Paymob's own result page, always.
    payment_key_claims: {
      exp: Math.floor(intention.expiresAt.getTime() / 1000),
      extra: creationExtras(intention),
      user_id: OWNER_USER_ID,
      currency: intention.currency,
      order_id: intention.orderId,
      created_by: OWNER_USER_ID,
      is_partner: false,
      amount_cents: intention.amountCents,
      billing_data: claimsBillingData(intention.billingData),
      redirect_url: statusPageUrl(intention, t),
      integration_id: t.integrationId,
      ...(intention.redirectionUrl ? { redirection_url: intention.redirectionUrl } : {}),
      ...(intention.notificationUrl ? { notification_url: intention.notificationUrl } : {}),
      lock_order_when_paid: true,
      next_payment_intention: intention.id,
      single_payment_attempt: false,
    },
    error_occured: t.errorOccured,
    is_live: false,
    other_endpoint_reference: null,
    refunded_amount_cents: t.refundedAmountCents,
    refunded_amount_cents_int: t.refundedAmountCents,
    source_id: -1,
    // Paymob lists is_captured / captured_amount among the fields to watch after a capture, unsigned; what exactly
    // a re-notified authorisation carries is not documented. The emulator reports its captured total there and
    // leaves every signed field as it was, so a real merchant must not rely on the re-notification either.
    is_captured: t.isAuth && t.capturedAmountCents > 0,
    captured_amount: t.isAuth ? t.capturedAmountCents : 0,
    captured_amount_int: t.isAuth ? t.capturedAmountCents : 0,
    settlement_amount_cents_int: captured,
    merchant_staff_tag: null,
    accept_fees_cents_int: 0,
    vat_cents_int: 0,
    vat_cents_float: null,
    updated_at: t.updatedText,
    is_settled: false,
    bill_balanced: false,
    is_bill: false,
    owner: OWNER_USER_ID,
    parent_transaction: t.parentId,
  };
}

/** The callback body exactly as Paymob posts it; 2025-2026 callbacks carry a top-level accept_fees too. */
export function transactionCallbackBody(obj: TransactionObject): string {
  return JSON.stringify({
    type: "TRANSACTION",
    obj,
    accept_fees: 0,
    issuer_bank: null,
    transaction_processed_callback_responses: "",
  });
}
