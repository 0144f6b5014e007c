import type { EmuDelivery } from "./db/schema";

// What a public emulator shows strangers: Paymob's objects with the customer's personal data masked. A demo's
// visitors type their real name, email, phone and address into checkout; the emulator's keys are public, so
// anything keyed by them (the delivery log, inquiries, refunds) would otherwise hand those to anyone.

/** Keys under which Paymob objects carry a person's data: billing_data, shipping_data, client_info, TOKEN's email. */
const PERSONAL_KEYS = new Set([
  "first_name",
  "last_name",
  "full_name",
  "email",
  "phone_number",
  "apartment",
  "floor",
  "street",
  "building",
  "postal_code",
  "city",
  "state",
]);
/** URLs whose query may carry a secret (Vercel's protection bypass rides in notification_url). */
const URL_KEYS = new Set(["notification_url", "redirection_url", "redirect_url"]);
/** Fillers, not data: "" for a field left out, "NA" for a blank the merchant had to fill. */
const NOT_PERSONAL = new Set(["", "NA"]);

/** "Nour" → "N***", "nour@example.com" → "n***@***": enough to tell rows apart, not enough to find the person. */
export function maskText(value: string): string {
  if (NOT_PERSONAL.has(value.trim())) return value;
  const first = Array.from(value.trim())[0] ?? "";
  return value.includes("@") ? `${first}***@***` : `${first}***`;
}

/** Keeps origin, path and the (harmless) hmac; every other query value becomes "***". */
export function maskUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "***";
  }
  for (const key of new Set(url.searchParams.keys())) if (key !== "hmac") url.searchParams.set(key, "***");
  url.username = "";
  url.password = "";
  return url.toString();
}

/** A deep copy of `value` with personal fields masked; everything else (amounts, ids, flags) as it was. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(key)) out[key] = typeof inner === "string" ? maskText(inner) : inner === null ? null : "***";
    else if (URL_KEYS.has(key) && typeof inner === "string") out[key] = maskUrl(inner);
    else out[key] = maskPersonalData(inner);
  }
  return out;
}

/** A delivery row as a public log shows it: body and target URL masked; the rest is the emulator's own bookkeeping. */
export function maskDelivery(row: EmuDelivery): EmuDelivery {
  let body: string;
  try {
    body = JSON.stringify(maskPersonalData(JSON.parse(row.body)));
  } catch {
    body = "(masked: not JSON)";
  }
  return { ...row, url: maskUrl(row.url), body };
}
