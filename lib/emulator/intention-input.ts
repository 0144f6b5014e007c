import { z } from "zod";

// Validation of POST /v1/intention/ with Django REST Framework's error shapes and messages, which is what
// Paymob answers (docs "Common Errors": {"billing_data": {"phone_number": ["This field is required."]}}).
const REQUIRED = "This field is required.";
const NOT_NULL = "This field may not be null.";
const BLANK = "This field may not be blank.";

const missing = (invalid: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? REQUIRED : issue.input === null ? NOT_NULL : invalid;

const maxChars = (n: number) => `Ensure this field has no more than ${n} characters.`;
/** DRF trims whitespace before the blank check. */
const text = (max?: number) => {
  const base = z
    .string({ error: missing("Not a valid string.") })
    .trim()
    .min(1, BLANK);
  return max ? base.max(max, maxChars(max)) : base;
};
const optionalText = (max: number) =>
  z
    .string({ error: missing("Not a valid string.") })
    .max(max, maxChars(max))
    .optional();
const integer = z.number({ error: missing("A valid integer is required.") }).int("A valid integer is required.");
const url = z.url({ error: missing("Enter a valid URL."), protocol: /^https?$/ });

const billingData = z.looseObject(
  {
    first_name: text(50),
    last_name: text(50),
    email: text().pipe(z.email("Enter a valid email address.")),
    phone_number: text(20),
    apartment: optionalText(255),
    floor: optionalText(255),
    street: optionalText(255),
    building: optionalText(255),
    city: optionalText(255),
    state: optionalText(255),
    country: optionalText(255),
    postal_code: optionalText(255),
    shipping_method: optionalText(255),
  },
  { error: missing("Invalid data. Expected a dictionary, but got str.") },
);

const item = z.looseObject({
  name: text(50),
  amount: integer.min(0, "Ensure this value is greater than or equal to 0."),
  description: optionalText(255),
  quantity: integer.min(1, "Ensure this value is greater than or equal to 1.").optional(),
  image: z.string().nullable().optional(),
});

export const intentionInput = z.object({
  amount: integer.min(1, "Ensure this value is greater than or equal to 1."),
  currency: text(3),
  payment_methods: z
    .array(z.union([z.number().int(), z.string().trim().min(1)], { error: "Must be an integration id or name." }), {
      error: missing('Expected a list of items but got type "str".'),
    })
    .min(1, "This list may not be empty."),
  items: z
    .array(item, { error: missing('Expected a list of items but got type "dict".') })
    .optional()
    .default([]),
  billing_data: billingData,
  extras: z
    .record(z.string(), z.unknown(), { error: missing("Invalid data. Expected a dictionary.") })
    .optional()
    .default({}),
  special_reference: text(255).optional(),
  expiration: integer.min(1).max(3_110_400, "Ensure this value is less than or equal to 3110400.").optional(),
  notification_url: url.optional(),
  redirection_url: url.optional(),
  card_tokens: z.array(z.string()).optional().default([]),
});
export type IntentionInput = z.infer<typeof intentionInput>;

/**
 * PUT /v1/intention/{client_secret} (Postman "Update intention"): `accept_order_id` (the intention's order id) is
 * required; amount, payment_methods, items, billing_data, special_reference, expiration, notification_url and
 * redirection_url may change. Anything else in the body is ignored, as DRF does with unknown fields.
 */
export const intentionUpdateInput = z.object({
  accept_order_id: integer,
  amount: intentionInput.shape.amount.optional(),
  payment_methods: intentionInput.shape.payment_methods.optional(),
  items: z.array(item, { error: missing('Expected a list of items but got type "dict".') }).optional(),
  billing_data: billingData.optional(),
  special_reference: intentionInput.shape.special_reference,
  expiration: intentionInput.shape.expiration,
  notification_url: intentionInput.shape.notification_url,
  redirection_url: intentionInput.shape.redirection_url,
});

/** DRF nests field errors by path. Paymob's documented item errors drop the list index: {"items": {"name": [...]}}. */
export function drfErrors(error: z.ZodError): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string => typeof p === "string");
    if (path.length === 0) {
      ((out.non_field_errors ??= []) as string[]).push(issue.message);
      continue;
    }
    let node = out;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      node = (next && typeof next === "object" && !Array.isArray(next) ? next : (node[key] = {})) as Record<
        string,
        unknown
      >;
    }
    const leaf = path[path.length - 1]!;
    const list = Array.isArray(node[leaf]) ? (node[leaf] as string[]) : ((node[leaf] = []) as string[]);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return out;
}
