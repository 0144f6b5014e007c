import type { EmuScenario } from "./db/schema";

// How each failure scenario turns one TRANSACTION callback into delivery rows (pure, unit-testable).
// Paymob publishes no retry/duplicate policy (docs/paymob.md § "Callbacks"), so these are the situations a merchant
// must survive.
export type PlannedDelivery = {
  label: string;
  /** "current" = the transaction as it is now; "stale_pending" = an earlier pending snapshot of it. */
  variant: "current" | "stale_pending";
  delaySeconds: number;
  /** Held back until the previous planned delivery went out (or was given up). */
  afterPrevious: boolean;
  suppressed: boolean;
  badSignature: boolean;
};

const one = (label: string, patch: Partial<PlannedDelivery> = {}): PlannedDelivery => ({
  label,
  variant: "current",
  delaySeconds: 0,
  afterPrevious: false,
  suppressed: false,
  badSignature: false,
  ...patch,
});

export function planTransactionCallback(scenario: EmuScenario, delaySeconds: number): PlannedDelivery[] {
  switch (scenario) {
    case "none":
      return [one("callback")];
    case "duplicate":
      // Two at the same moment (the pump sends a batch concurrently), a third a little later.
      return [one("duplicate 1/3"), one("duplicate 2/3"), one("duplicate 3/3", { delaySeconds: 2 })];
    case "delayed":
      return [one(`delayed ${delaySeconds}s`, { delaySeconds })];
    case "out_of_order":
      return [one("callback"), one("stale pending (out of order)", { variant: "stale_pending", afterPrevious: true })];
    case "missing":
      return [one("withheld (missing scenario)", { suppressed: true })];
    case "bad_signature":
      return [one("bad signature", { badSignature: true })];
  }
}

export const SCENARIO_DESCRIPTIONS: Record<EmuScenario, string> = {
  none: "Normal: one signed callback right away.",
  duplicate: "The same callback 3 times: two concurrently, one 2 s later.",
  delayed: "The callback arrives N seconds after the browser redirect.",
  out_of_order: "After the final callback, a stale pending=true callback for the same transaction.",
  missing: "No server callback at all; only the browser redirect.",
  bad_signature: "The callback's hmac query parameter is wrong.",
};
