import { z } from "zod";
import { ORDER_LOCALES } from "@/db/schema/orders";
import { ATTEMPT_MODES, type AttemptMode } from "@/db/schema/payments";
import type { CheckoutError } from "../errors";
import { COUNTRIES } from "./countries";

// The checkout form's contract. It is deliberately free of any amount, price or total: the server re-prices
// the cart from the database, so nothing the browser sends can change what the customer is charged.
// Every zod message here is a FieldErrorCode, not a sentence: the form says it in the page's language.

export const FIELD_ERROR_CODES = ["required", "too_long", "email", "email_too_long", "phone", "country"] as const;
type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
/** What is wrong with one field; `max` is the length limit a "too_long" names. */
export type FieldError = { code: FieldErrorCode; max?: number };

const message = (code: FieldErrorCode) => code;

const required = (max: number) => z.string().trim().min(1, message("required")).max(max, message("too_long"));

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, message("too_long"))
    .optional()
    .transform((value) => value || undefined);

/** Paymob caps names at 50 characters (create-intention docs); phone numbers keep only digits and a leading +. */
const billingSchema = z.object({
  email: z
    .string()
    .trim()
    .pipe(z.email(message("email")).max(254, message("email_too_long"))),
  phone: z
    .string()
    .trim()
    .transform((value) => value.replace(/[\s().-]/g, ""))
    .pipe(z.string().regex(/^\+?\d{7,15}$/, message("phone"))),
  firstName: required(50),
  lastName: required(50),
  street: required(120),
  building: optional(40),
  floor: optional(20),
  apartment: optional(20),
  city: required(60),
  state: optional(60),
  country: z.enum(COUNTRIES, message("country")),
  postalCode: optional(12),
});

export type Billing = z.infer<typeof billingSchema>;
export type BillingField = keyof Billing;
const BILLING_FIELDS = Object.keys(billingSchema.shape) as BillingField[];

export const payModeSchema = z.enum(ATTEMPT_MODES);

/** The language of the page the order is placed from (next-intl's getLocale() in the action); its emails use it. */
export const checkoutLocaleSchema = z.enum(ORDER_LOCALES);
export const DEFAULT_PAY_MODE: AttemptMode = "redirect";

/** One random key per rendered checkout form; a resubmission of the same form reuses its order. */
const checkoutKeySchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

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
  error?: CheckoutError;
  fieldErrors?: Partial<Record<BillingField, FieldError>>;
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

  const fieldErrors: Partial<Record<BillingField, FieldError>> = {};
  let error: CheckoutError | undefined;
  for (const issue of parsed.error.issues) {
    const [scope, field] = issue.path;
    if (scope === "billing" && typeof field === "string" && BILLING_FIELDS.includes(field as BillingField)) {
      fieldErrors[field as BillingField] ??= fieldError(issue);
    } else {
      error ??= { code: scope === "mode" ? "choose_pay_mode" : "form_expired" };
    }
  }
  const mode = payModeSchema.safeParse(raw.mode);
  return {
    ok: false,
    state: {
      error: error ?? { code: "fix_fields" },
      fieldErrors,
      values,
      mode: mode.success ? mode.data : undefined,
    },
  };
}

function fieldError(issue: z.core.$ZodIssue): FieldError {
  const code = (FIELD_ERROR_CODES as readonly string[]).includes(issue.message)
    ? (issue.message as FieldErrorCode)
    : "required";
  return issue.code === "too_big" && code === "too_long" ? { code, max: Number(issue.maximum) } : { code };
}
