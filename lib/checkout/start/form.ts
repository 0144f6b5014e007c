import { z } from "zod";
import { ORDER_LOCALES } from "@/db/schema/orders";
import { ATTEMPT_MODES, type AttemptMode } from "@/db/schema/payments";
import { COUNTRIES } from "./countries";

// The checkout form's contract. It is deliberately free of any amount, price or total: the server re-prices
// the cart from the database, so nothing the browser sends can change what the customer is charged.

const required = (label: string, max: number) =>
  z.string().trim().min(1, `Enter your ${label}.`).max(max, `Your ${label} must be at most ${max} characters.`);

const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Your ${label} must be at most ${max} characters.`)
    .optional()
    .transform((value) => value || undefined);

/** Paymob caps names at 50 characters (create-intention docs); phone numbers keep only digits and a leading +. */
const billingSchema = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email("Enter a valid email address, like you@example.com.").max(254, "That email address is too long.")),
  phone: z
    .string()
    .trim()
    .transform((value) => value.replace(/[\s().-]/g, ""))
    .pipe(z.string().regex(/^\+?\d{7,15}$/, "Enter a phone number with 7 to 15 digits, like +201012345678.")),
  firstName: required("first name", 50),
  lastName: required("last name", 50),
  street: required("street", 120),
  building: optional("building", 40),
  floor: optional("floor", 20),
  apartment: optional("apartment", 20),
  city: required("city", 60),
  state: optional("state or governorate", 60),
  country: z.enum(COUNTRIES, "Choose your country from the list."),
  postalCode: optional("postal code", 12),
});

export type Billing = z.infer<typeof billingSchema>;
type BillingField = keyof Billing;
const BILLING_FIELDS = Object.keys(billingSchema.shape) as BillingField[];

export const payModeSchema = z.enum(ATTEMPT_MODES);

/** The language of the page the order is placed from (next-intl's getLocale() in the action); its emails use it. */
export const checkoutLocaleSchema = z.enum(ORDER_LOCALES);
export const DEFAULT_PAY_MODE: AttemptMode = "redirect";

/** One random key per rendered checkout form; a resubmission of the same form reuses its order. */
const EXPIRED_FORM = "This checkout form has expired. Reload the page.";
const checkoutKeySchema = z.string({ error: EXPIRED_FORM }).regex(/^[A-Za-z0-9_-]{20,64}$/, EXPIRED_FORM);

const checkoutSubmissionSchema = z.object({
  billing: billingSchema,
  mode: payModeSchema,
  checkoutKey: checkoutKeySchema,
});
export type CheckoutSubmission = z.infer<typeof checkoutSubmissionSchema>;

/** The text the customer typed, echoed back so a failed submission never empties the form. */
export type FormValues = Partial<Record<BillingField, string>>;

export type CheckoutFormState = {
  /** A problem with the whole submission (payment provider refused, cart empty…), shown above the button. */
  message?: string;
  fieldErrors?: Partial<Record<BillingField, string>>;
  values?: FormValues;
  mode?: AttemptMode;
  /** A fresh key after a failed payment start, so the corrected resubmission becomes a new order. */
  checkoutKey?: string;
};

/** Reads only the known fields out of a FormData; anything else (an injected `amount`, say) is ignored. */
function readCheckoutForm(form: FormData): { raw: Record<string, unknown>; values: FormValues } {
  const values: FormValues = {};
  for (const field of BILLING_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const raw = { billing: values, mode: form.get("mode") ?? DEFAULT_PAY_MODE, checkoutKey: form.get("checkoutKey") };
  return { raw, values };
}

export type ParsedCheckoutForm =
  { ok: true; submission: CheckoutSubmission; values: FormValues } | { ok: false; state: CheckoutFormState };

export function parseCheckoutForm(form: FormData): ParsedCheckoutForm {
  const { raw, values } = readCheckoutForm(form);
  const parsed = checkoutSubmissionSchema.safeParse(raw);
  if (parsed.success) return { ok: true, submission: parsed.data, values };

  const fieldErrors: Partial<Record<BillingField, string>> = {};
  let message: string | undefined;
  for (const issue of parsed.error.issues) {
    const [scope, field] = issue.path;
    if (scope === "billing" && typeof field === "string" && BILLING_FIELDS.includes(field as BillingField)) {
      fieldErrors[field as BillingField] ??= issue.message;
    } else {
      message ??= scope === "mode" ? "Choose how you want to pay." : issue.message;
    }
  }
  const mode = payModeSchema.safeParse(raw.mode);
  return {
    ok: false,
    state: {
      message: message ?? "Please correct the highlighted fields.",
      fieldErrors,
      values,
      mode: mode.success ? mode.data : undefined,
    },
  };
}
