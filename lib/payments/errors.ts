// Failures of the payments data layer that a caller may need to tell apart from a driver error (for a log line,
// or a test). The callback answers 503 to all of them: Paymob retries, and the retry starts from a clean slate.

export type PaymentsDataErrorCode =
  | "no_row" // a write that returns its row returned nothing
  | "vanished" // a row locked a moment ago is gone (deleted under the lock: a bug, or a manual delete)
  | "conflict"; // a unique key refused the write: another request got there first

export class PaymentsDataError extends Error {
  constructor(
    readonly code: PaymentsDataErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PaymentsDataError";
  }
}

/** PostgreSQL's unique_violation, on the error or on the cause Drizzle wraps the driver's error in. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === "object" && e !== null; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
