// Shared setup for the checkout integration tests: a cart in the DB, a valid form submission, and a fake
// Paymob that records every request it gets (or refuses them the way Paymob does).
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cartLines, carts, products } from "@/db/schema";
import type { CheckoutSubmission } from "@/lib/checkout/start/form";
import type { PaymentDeps } from "@/lib/checkout/payment-deps";
import { paymentUrls } from "@/lib/app-url";
import { loadPaymobConfig } from "@/lib/paymob/config";

export const APP = "http://127.0.0.1:3999";

export async function cartWith(db: Db, items: Record<string, number>): Promise<string> {
  const [cart] = await db.insert(carts).values({}).returning();
  for (const [slug, quantity] of Object.entries(items)) {
    const [product] = await db.select().from(products).where(eq(products.slug, slug));
    if (!product) throw new Error(`no product ${slug}`);
    await db.insert(cartLines).values({ cartId: cart!.id, productId: product.id, quantity });
  }
  return cart!.id;
}

export async function priceOf(db: Db, slug: string): Promise<number> {
  const [product] = await db.select().from(products).where(eq(products.slug, slug));
  return product!.priceMinor;
}

const newKey = () => randomBytes(18).toString("base64url");
export const visitor = () => ({ guestId: randomBytes(24).toString("base64url") });

export function submission(overrides: Partial<CheckoutSubmission> = {}): CheckoutSubmission {
  return {
    billing: {
      email: "layla@example.com",
      phone: "+201012345678",
      firstName: "Layla",
      lastName: "Hassan",
      street: "12 Tahrir St",
      building: "4",
      floor: undefined,
      apartment: undefined,
      city: "Cairo",
      state: undefined,
      country: "Egypt",
      postalCode: undefined,
    },
    mode: "redirect",
    checkoutKey: newKey(),
    ...overrides,
  };
}

type Recorded = { url: string; body: Record<string, unknown> };

/** A stand-in for POST /v1/intention/ that answers like Paymob (201) and remembers what it was sent. */
export function fakePaymob(
  answer: (body: Record<string, unknown>, n: number) => { status: number; json: unknown } = okIntention,
) {
  const requests: Recorded[] = [];
  const fetchImpl = async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    requests.push({ url, body });
    // A little latency so concurrent submissions really overlap with the network call.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { status, json } = answer(body, requests.length);
    return new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
  };
  const deps: PaymentDeps = {
    config: loadPaymobConfig({ APP_URL: APP }),
    urls: paymentUrls({ APP_URL: APP }),
    fetchImpl,
  };
  return { deps, requests };
}

function okIntention(body: Record<string, unknown>, n: number) {
  const suffix = `${n}${randomBytes(6).toString("hex")}`;
  return {
    status: 201,
    json: {
      id: `pi_test_${suffix}`,
      client_secret: `egy_csk_test_${suffix}`,
      intention_order_id: 400_000_000 + Math.floor(Math.random() * 1_000_000),
      payment_keys: [],
      status: "intended",
      intention_detail: { amount: body.amount, currency: body.currency, items: body.items },
      special_reference: body.special_reference,
    },
  };
}
