import type { EmuIntention } from "./db/schema";
import { MERCHANT, OWNER_USER_ID, publicKeyOf, type Integration } from "./settings";
import { paymentKey } from "./tokens";

// Response bodies of the intention endpoints, shaped like Paymob's (docs/paymob.md § "Create an intention" and
// § "Unified Checkout"; the element answer's required keys are in lib/emulator/README.md).

export type IntentionItem = {
  name: string;
  amount: number;
  description: string;
  quantity: number;
  image: string | null;
};
export type StoredPaymentMethod = Integration & { alias: null; live: false; use_cvc_with_moto: boolean };

const BILLING_KEYS = [
  "apartment",
  "floor",
  "first_name",
  "last_name",
  "street",
  "building",
  "phone_number",
  "shipping_method",
  "city",
  "country",
  "state",
  "email",
  "postal_code",
] as const;

/** Paymob echoes every billing key, with "" for the optional ones the merchant left out. */
export function echoedBillingData(raw: unknown): Record<(typeof BILLING_KEYS)[number], string> {
  const source = (raw ?? {}) as Record<string, unknown>;
  return Object.fromEntries(BILLING_KEYS.map((k) => [k, typeof source[k] === "string" ? source[k] : ""])) as Record<
    (typeof BILLING_KEYS)[number],
    string
  >;
}

const CLAIM_BILLING_KEYS = [
  "city",
  "email",
  "floor",
  "state",
  "street",
  "country",
  "building",
  "apartment",
  "last_name",
  "first_name",
  "postal_code",
  "phone_number",
] as const;

/**
 * The billing data inside a payment key's claims (payment_key_claims.billing_data): no shipping_method, an
 * extra_description, and "NA" for what was left out, as in every real callback.
 */
export function claimsBillingData(raw: unknown): Record<string, string> {
  const source = (raw ?? {}) as Record<string, unknown>;
  const value = (k: string) => (typeof source[k] === "string" && source[k] !== "" ? (source[k] as string) : "NA");
  return { ...Object.fromEntries(CLAIM_BILLING_KEYS.map((k) => [k, value(k)])), extra_description: "NA" };
}

/** Paymob returns the merchant's `extras` plus `merchant_order_id` (= special_reference). */
export function creationExtras(intention: EmuIntention): Record<string, unknown> {
  const extras = { ...(intention.extras as Record<string, unknown>) };
  if (intention.specialReference) extras.merchant_order_id = intention.specialReference;
  return extras;
}

const methods = (intention: EmuIntention) => intention.paymentMethods as StoredPaymentMethod[];

/** The legacy per-integration payment key; it carries (signed) which intention and integration it pays. */
export function paymentKeyFor(intention: EmuIntention, integrationId: number): string {
  const ttl = Math.max(60, Math.floor((intention.expiresAt.getTime() - Date.now()) / 1000));
  return paymentKey(
    {
      user_id: OWNER_USER_ID,
      amount_cents: intention.amountCents,
      currency: intention.currency,
      integration_id: integrationId,
      order_id: intention.orderId,
      next_payment_intention: intention.id,
    },
    ttl,
  );
}

function intentionDetail(intention: EmuIntention) {
  return {
    amount: intention.amountCents,
    items: intention.items as IntentionItem[],
    currency: intention.currency,
    billing_data: echoedBillingData(intention.billingData),
  };
}

/** 201 body of POST /v1/intention/. */
export function createResponse(intention: EmuIntention) {
  return {
    payment_keys: methods(intention).map((m) => ({
      integration: m.integration_id,
      key: paymentKeyFor(intention, m.integration_id),
      gateway_type: m.name === "wallet" ? "UIG" : "MIGS",
      iframe_id: null,
      order_id: intention.orderId,
      redirection_url: intention.redirectionUrl,
      save_card: true,
    })),
    redirection_url: intention.redirectionUrl,
    intention_order_id: intention.orderId,
    id: intention.id,
    intention_detail: intentionDetail(intention),
    client_secret: intention.clientSecret,
    payment_methods: methods(intention),
    special_reference: intention.specialReference,
    extras: { creation_extras: creationExtras(intention), confirmation_extras: null },
    confirmed: false,
    status: intention.status,
    created: intention.createdText,
    card_detail: null,
    card_tokens: [],
    object: "paymentintention",
  };
}

export type SavedCard = { card_subtype: string; token: string; masked_pan: string };

/** 200 body of GET /v1/intention/element/{pk}/{cs}/, what Pixel and Unified Checkout read (docs/paymob.md § "Pixel"). */
export function elementResponse(intention: EmuIntention, savedCards: SavedCard[], paidAt: string | null) {
  const billing = echoedBillingData(intention.billingData);
  const keys: Record<string, string | null> = {};
  for (const m of methods(intention)) {
    keys[m.name] = paymentKeyFor(intention, m.integration_id);
    keys[`${m.name}_iframe_id`] = null;
  }
  return {
    id: intention.id,
    public_key: publicKeyOf(intention.clientSecret),
    intention_detail: intentionDetail(intention),
    payment_methods: methods(intention),
    payment_keys: keys,
    card_tokens: savedCards.map((c) => ({
      ...c,
      card_expired: false,
      has_discount: false,
      network_token: false,
      vts_content: null,
    })),
    customization: {
      customization_data: { branding: { brand_name: MERCHANT.company_name, primary_color: "#0f766e", logo: null } },
    },
    merchant_name: MERCHANT.company_name,
    merchant_company_name: MERCHANT.company_name,
    merchant_settings: { company_name: MERCHANT.company_name },
    client_info: {
      full_name: `${billing.first_name} ${billing.last_name}`.trim(),
      phone_number: billing.phone_number,
      email: billing.email,
    },
    paid: intention.status === "paid",
    paid_at: paidAt,
    order_id: intention.orderId,
    special_reference: intention.specialReference,
    redirection_url: intention.redirectionUrl,
    redirect_url: intention.redirectionUrl,
    check_bin_fees: false,
    classified_discounts: [],
    enable_card_to_bank_conversion: false,
    split_pay_details: null,
    payment_handle_settings: {},
    status: intention.status,
    created: intention.createdText,
  };
}
