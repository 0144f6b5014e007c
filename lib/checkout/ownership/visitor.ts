import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { persistentCookie } from "@/lib/cookie-options";

// The guest's identity for order ownership: a random, httpOnly cookie. It proves nothing about a person, only
// that this browser placed the order, which is exactly what decides who may see an order's payment page.
export const VISITOR_COOKIE = "sf_visitor";
const VISITOR_ID_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

function validVisitorId(value: string | undefined): string | undefined {
  return value && VISITOR_ID_PATTERN.test(value) ? value : undefined;
}

/** The visitor id from the request's cookie, if it has a well-formed one. Safe in server components. */
export async function readVisitorId(): Promise<string | undefined> {
  return validVisitorId((await cookies()).get(VISITOR_COOKIE)?.value);
}

/** Returns the visitor id, creating the cookie first when missing. Only callable in server actions and route handlers. */
export async function ensureVisitorId(): Promise<string> {
  const jar = await cookies();
  const existing = validVisitorId(jar.get(VISITOR_COOKIE)?.value);
  if (existing) return existing;
  const id = newVisitorId();
  jar.set(VISITOR_COOKIE, id, persistentCookie(ONE_YEAR_SECONDS));
  return id;
}

/**
 * Gives this browser a new visitor id, at sign-in and at sign-out (Auth.js events in auth.ts). Orders keep the
 * old id, so after signing out the next person at this browser cannot open the orders placed before, and an id
 * someone planted or saw before a sign-in is worth nothing after it. A signed-in customer keeps their orders
 * through the account (guest orders with their verified email join it at sign-in). Route handlers and server
 * actions only.
 */
export async function rotateVisitorId(): Promise<void> {
  const jar = await cookies();
  if (jar.get(VISITOR_COOKIE) === undefined) return; // nothing to rotate; checkout creates one when needed
  jar.set(VISITOR_COOKIE, newVisitorId(), persistentCookie(ONE_YEAR_SECONDS));
}

function newVisitorId(): string {
  return randomBytes(24).toString("base64url");
}
