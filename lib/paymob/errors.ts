// Typed failures of the Paymob client. `message` is for developers and logs (it names the variable or
// field to fix); `publicMessage` is safe to show a customer. `status` is Paymob's HTTP status, or null
// when the request never got an answer (or was refused before it was sent).

export type PaymobErrorCode =
  | "config"
  | "invalid_input"
  | "validation"
  | "unauthorized"
  | "not_found"
  | "unmatched_item_prices"
  | "network"
  | "timeout"
  | "server_error"
  | "unexpected_response";

type PaymobErrorInit = {
  code: PaymobErrorCode;
  status: number | null;
  message: string;
  publicMessage?: string;
  retryable?: boolean;
  cause?: unknown;
};

const GENERIC_PUBLIC_MESSAGE = "We couldn't reach the payment provider. Please try again in a moment.";

export class PaymobError extends Error {
  readonly code: PaymobErrorCode;
  readonly status: number | null;
  readonly publicMessage: string;
  /** True when the same request may succeed later (network trouble, timeouts, Paymob 5xx/429). */
  readonly retryable: boolean;

  constructor(init: PaymobErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.publicMessage = init.publicMessage ?? GENERIC_PUBLIC_MESSAGE;
    this.retryable = init.retryable ?? false;
  }
}

/** A PAYMOB_* variable is missing, malformed, or inconsistent with another one. */
export class PaymobConfigError extends PaymobError {
  readonly variables: string[];
  constructor(message: string, variables: string[]) {
    super({ code: "config", status: null, message, publicMessage: "Online payment is not available right now." });
    this.variables = variables;
  }
}

/** The client refused to send a request that Paymob would reject or that would charge the wrong amount. */
export class PaymobInvalidInputError extends PaymobError {
  constructor(message: string) {
    super({
      code: "invalid_input",
      status: null,
      message,
      publicMessage: "We couldn't start the payment for this order.",
    });
  }
}

export type PaymobFieldIssue = { field: string; messages: string[] };

/** HTTP 400: Paymob's field errors, e.g. {"billing_data":{"phone_number":["This field is required."]}}. */
export class PaymobValidationError extends PaymobError {
  readonly fieldErrors: unknown;
  readonly issues: PaymobFieldIssue[];
  constructor(operation: string, body: unknown) {
    const issues = flattenFieldErrors(body);
    const summary = issues.length
      ? issues.map((i) => (i.field ? `${i.field}: ${i.messages.join(" ")}` : i.messages.join(" "))).join("; ")
      : "no details given";
    super({
      code: "validation",
      status: 400,
      message: `Paymob rejected ${operation} (400 Bad Request): ${summary}`,
      publicMessage: "The payment provider rejected the order details. Please check them and try again.",
    });
    this.fieldErrors = body;
    this.issues = issues;
  }
}

/** HTTP 401/403: wrong or missing credential. `hint` says which variable to check. */
export class PaymobAuthError extends PaymobError {
  constructor(operation: string, status: number, detail: string, hint: string) {
    super({
      code: "unauthorized",
      status,
      message: `Paymob refused ${operation} (${status}): ${hint} (Paymob said: ${detail})`,
    });
  }
}

/** HTTP 404: for create intention almost always a test/live mix-up in PAYMOB_PAYMENT_METHODS. */
export class PaymobNotFoundError extends PaymobError {
  constructor(operation: string, detail: string, hint: string) {
    super({
      code: "not_found",
      status: 404,
      message: `Paymob answered 404 to ${operation}: ${hint} (Paymob said: ${detail})`,
    });
  }
}

/** HTTP 406 `unmatched_item_prices`, or the same problem caught locally before sending (status null). */
export class PaymobUnmatchedItemsError extends PaymobError {
  constructor(message: string, status: 406 | null) {
    super({
      code: "unmatched_item_prices",
      status,
      message,
      publicMessage: "We couldn't start the payment for this order.",
    });
  }
}

/** No usable answer: connection failure, timeout, Paymob 5xx or 429. Safe to retry idempotent calls. */
export class PaymobUnavailableError extends PaymobError {
  constructor(code: "network" | "timeout" | "server_error", status: number | null, message: string, cause?: unknown) {
    super({ code, status, message, retryable: true, cause });
  }
}

/** Paymob answered, but not with anything this client understands (bad JSON, wrong shape, odd status). */
export class PaymobUnexpectedResponseError extends PaymobError {
  constructor(message: string, status: number | null, cause?: unknown) {
    super({ code: "unexpected_response", status, message, cause });
  }
}

/**
 * Django REST Framework error bodies nest: {"items": {"name": [...]}}, {"items": [{}, {"name": [...]}]},
 * {"detail": "..."}. Flatten them to dotted field paths so the message names the field to fix.
 */
export function flattenFieldErrors(body: unknown, path = ""): PaymobFieldIssue[] {
  if (typeof body === "string") return body ? [{ field: path, messages: [body] }] : [];
  if (Array.isArray(body)) {
    if (body.every((m) => typeof m === "string")) return body.length ? [{ field: path, messages: body }] : [];
    return body.flatMap((entry, index) => flattenFieldErrors(entry, `${path}[${index}]`));
  }
  if (body !== null && typeof body === "object") {
    return Object.entries(body).flatMap(([key, value]) => {
      const isDetail = (key === "detail" || key === "message" || key === "non_field_errors") && !path;
      return flattenFieldErrors(value, isDetail ? path : path ? `${path}.${key}` : key);
    });
  }
  return [];
}
