import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cartLines, carts } from "@/db/schema/cart";
import { products } from "@/db/schema/catalog";
import { orders } from "@/db/schema/orders";
import { paymentAttempts } from "@/db/schema/payments";
import { EMULATOR_SECRET_KEY } from "@/lib/paymob/emulator-credentials";

export type PageFixtures = { cartCookie: string; visitorCookie: string; productSlug: string; pixelAttemptId: string };

/**
 * What the measured pages need, made the way the app would have made it: a cart with three products (cookie
 * sf_cart), and an order whose Pixel attempt holds a real intention from the app's own emulator (created over
 * HTTP through its intention API), owned by the visitor cookie sf_visitor.
 */
export async function createPageFixtures(db: Db, appOrigin: string): Promise<PageFixtures> {
  const catalog = await db.select().from(products).orderBy(products.id).limit(3);
  if (catalog.length < 3) throw new Error("the catalog is not seeded");
  const [cart] = await db.insert(carts).values({}).returning();
  await db.insert(cartLines).values(catalog.map((p, i) => ({ cartId: cart!.id, productId: p.id, quantity: i + 1 })));

  const visitor = randomBytes(24).toString("base64url");
  const intention = await createIntention(appOrigin);
  const [order] = await db
    .insert(orders)
    .values({
      reference: `PS-BENCH${randomBytes(3).toString("hex").toUpperCase()}`,
      totalMinor: 35_000,
      currency: "EGP",
      checkoutKey: randomBytes(12).toString("hex"),
      guestId: visitor,
      email: "nour@example.com",
      phone: "+201000000001",
      firstName: "Nour",
      lastName: "Hassan",
      street: "1 Nile St",
      city: "Cairo",
      country: "EG",
    })
    .returning();
  const [attempt] = await db
    .insert(paymentAttempts)
    .values({
      orderId: order!.id,
      mode: "pixel",
      status: "intended",
      amountMinor: 35_000,
      currency: "EGP",
      specialReference: intention.special_reference,
      intentionId: intention.id,
      intentionOrderId: intention.intention_order_id,
      clientSecret: intention.client_secret,
      intendedAt: new Date(),
    })
    .returning();
  const [still] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attempt!.id));
  if (still?.status !== "intended") throw new Error("the Pixel attempt is not payable");
  return {
    cartCookie: `sf_cart=${cart!.id}`,
    visitorCookie: `sf_visitor=${visitor}`,
    productSlug: catalog[0]!.slug,
    pixelAttemptId: attempt!.id,
  };
}

type Intention = { id: string; client_secret: string; intention_order_id: number; special_reference: string };

/** POST /v1/intention/ on the app's own emulator, as Paymob's Intention API is called. */
async function createIntention(appOrigin: string): Promise<Intention> {
  const reference = `PS-BENCH-${randomBytes(4).toString("hex")}-1`;
  const response = await fetch(`${appOrigin}/paymob-emulator/v1/intention/`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Token ${EMULATOR_SECRET_KEY}` },
    body: JSON.stringify({
      amount: 35_000,
      currency: "EGP",
      payment_methods: ["card"],
      items: [{ name: "Aswan clay mug", amount: 35_000, quantity: 1 }],
      billing_data: {
        first_name: "Nour",
        last_name: "Hassan",
        email: "nour@example.com",
        phone_number: "+201000000001",
      },
      special_reference: reference,
      notification_url: `${appOrigin}/api/paymob/callback`,
      redirection_url: `${appOrigin}/checkout/return`,
    }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 201) throw new Error(`emulator intention: ${response.status} ${await response.text()}`);
  return (await response.json()) as Intention;
}
