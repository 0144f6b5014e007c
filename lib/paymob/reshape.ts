import type { TokenObject, TransactionObject } from "./callbacks";
import { transactionHmacMessage } from "./hmac";

// Paymob's wire format (snake_case, `error_occured`, the order nested as `order.id`) stops here: the zod schemas in
// callbacks.ts are the contract with Paymob, and these reshapes turn what they validated into the camelCase types
// the rest of the app reads. Signatures are always checked on the wire object first (verify, then reshape).
// Pure: no I/O.

/** One state of one Paymob transaction: a callback, an inquiry answer, or a refund/void/capture answer. */
export type PaymobTransaction = {
  id: number;
  /** Paymob's order id (= our attempt's intention_order_id). Signed. */
  paymobOrderId: number;
  /** Our special_reference, echoed back. Unsigned: only ever a fallback for finding the attempt. */
  merchantOrderId?: string;
  amountMinor: number;
  currency: string;
  createdAt: string;
  success: boolean;
  pending: boolean;
  /** Paymob's `error_occured`: Paymob itself is not sure what happened. */
  errorOccurred: boolean;
  /** An authorisation: holds the money until a capture child takes it. */
  isAuth: boolean;
  isCapture: boolean;
  isRefunded: boolean;
  isVoided: boolean;
  /** A child (refund, void or capture) of another transaction. */
  hasParentTransaction: boolean;
  /** The parent of a child; unsigned and optional. */
  parentTransactionId?: number | null;
  /** The running refunded total a re-notified parent reports; unsigned. */
  refundedMinor?: number | null;
  /** Unsigned markers on refund/void children. */
  isVoid?: boolean | null;
  isRefund?: boolean | null;
  /** Paymob's human-readable result ("Approved", a decline reason). */
  message?: string;
  /** The remaining signed values, kept so that the signed message can be rebuilt (transactionSignedMessage). */
  integrationId: number;
  is3dSecure: boolean;
  isStandalonePayment: boolean;
  owner: number;
  source: { pan: string | null; subType: string | null; type: string | null };
};

/** A saved-card token (TOKEN callback). */
export type PaymobCardToken = {
  id: number;
  /** Paymob's order id; undefined when the (string) `order_id` is not a number. */
  paymobOrderId?: number;
  cardSubtype: string;
  maskedPan: string;
  /** The saved card's token: what `card_tokens` and saved-card payments send back. */
  token: string;
  /** The email Paymob saved the card under (the intention's billing email); signed. */
  email: string | null;
};

/** The wire name of a reshaped field, for messages to an operator who reads Paymob's payloads. */
export const wireName = {
  amountMinor: "amount_cents",
  refundedMinor: "refunded_amount_cents",
} as const satisfies Partial<Record<keyof PaymobTransaction, keyof TransactionObject>>;

export function reshapeTransaction(obj: TransactionObject): PaymobTransaction {
  return {
    id: obj.id,
    paymobOrderId: obj.order.id,
    merchantOrderId: obj.order.merchant_order_id ?? undefined,
    amountMinor: obj.amount_cents,
    currency: obj.currency,
    createdAt: obj.created_at,
    success: obj.success,
    pending: obj.pending,
    errorOccurred: obj.error_occured,
    isAuth: obj.is_auth,
    isCapture: obj.is_capture,
    isRefunded: obj.is_refunded,
    isVoided: obj.is_voided,
    hasParentTransaction: obj.has_parent_transaction,
    parentTransactionId: obj.parent_transaction,
    refundedMinor: obj.refunded_amount_cents,
    isVoid: obj.is_void,
    isRefund: obj.is_refund,
    message: obj.data?.message ?? undefined,
    integrationId: obj.integration_id,
    is3dSecure: obj.is_3d_secure,
    isStandalonePayment: obj.is_standalone_payment,
    owner: obj.owner,
    source: { pan: obj.source_data.pan, subType: obj.source_data.sub_type, type: obj.source_data.type },
  };
}

export function reshapeToken(obj: TokenObject): PaymobCardToken {
  return {
    id: obj.id,
    paymobOrderId: paymobOrderIdOf(obj.order_id),
    cardSubtype: obj.card_subtype,
    maskedPan: obj.masked_pan,
    token: obj.token,
    email: obj.email,
  };
}

/** A TOKEN callback's `order_id` is a string, unlike everywhere else. */
const paymobOrderIdOf = (value: string): number | undefined => (/^\d{1,15}$/.test(value) ? Number(value) : undefined);

/**
 * The values Paymob signs, in its order (hmac.ts), rebuilt from the reshaped transaction: the same text as
 * transactionHmacMessage over the wire object it came from, so it identifies one state of one transaction.
 */
export function transactionSignedMessage(t: PaymobTransaction): string {
  const wire = {
    amount_cents: t.amountMinor,
    created_at: t.createdAt,
    currency: t.currency,
    error_occured: t.errorOccurred,
    has_parent_transaction: t.hasParentTransaction,
    id: t.id,
    integration_id: t.integrationId,
    is_3d_secure: t.is3dSecure,
    is_auth: t.isAuth,
    is_capture: t.isCapture,
    is_refunded: t.isRefunded,
    is_standalone_payment: t.isStandalonePayment,
    is_voided: t.isVoided,
    order: { id: t.paymobOrderId },
    owner: t.owner,
    pending: t.pending,
    source_data: { pan: t.source.pan, sub_type: t.source.subType, type: t.source.type },
    success: t.success,
  } satisfies Partial<TransactionObject>;
  return transactionHmacMessage(wire);
}
