import { z } from "zod";

/** A placeholder anyone recognises as one; a real store sets STORE_SUPPORT_EMAIL before taking orders. */
export const DEFAULT_SUPPORT_EMAIL = "support@example.com";

const email = z.email();

/**
 * Where customers write when a payment needs a person (shown on the return page once polling gives up). Safe to
 * show anywhere; refused at server start (lib/env.ts) when it is not an email address.
 */
export function storeSupportEmail(env: Record<string, string | undefined> = process.env): string {
  const value = env.STORE_SUPPORT_EMAIL?.trim();
  if (!value) return DEFAULT_SUPPORT_EMAIL;
  if (!email.safeParse(value).success)
    throw new Error(`STORE_SUPPORT_EMAIL must be an email address like help@shop.example.com (got "${value}").`);
  return value;
}
