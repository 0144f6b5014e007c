import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";

// Random ids in Paymob's formats, and the emulator's signed bearer strings (payment keys, auth tokens).
// Signing instead of storing keeps them stateless: a key is valid because the emulator made it.

export const hex32 = () => randomBytes(16).toString("hex");

const b64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");
const signature = (data: string) =>
  createHmac("sha512", `emulator-token:${EMULATOR_SECRET_KEY}`).update(data).digest("base64url");

/** A JWT-shaped HS512 token, like the `payment_keys[].key` and auth tokens Paymob hands out. */
export function signClaims(claims: Record<string, unknown>, ttlSeconds: number): string {
  const body = `${b64url(JSON.stringify({ alg: "HS512", typ: "JWT" }))}.${b64url(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + ttlSeconds }))}`;
  return `${body}.${signature(body)}`;
}

export function verifyClaims(token: string | null | undefined): Record<string, unknown> | null {
  const parts = token?.split(".");
  if (!parts || parts.length !== 3) return null;
  const [header, payload, sig] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${header}.${payload}`));
  const received = Buffer.from(sig);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    return typeof claims.exp === "number" && claims.exp * 1000 > Date.now() ? claims : null;
  } catch {
    return null;
  }
}

/** Paymob's payment keys are base64 of a JWT ("ZXlK…"); the emulator's are too. */
export const paymentKey = (claims: Record<string, unknown>, ttlSeconds: number) =>
  Buffer.from(signClaims(claims, ttlSeconds)).toString("base64");
export const readPaymentKey = (key: string | null | undefined) =>
  key ? verifyClaims(Buffer.from(key, "base64").toString("utf8")) : null;
