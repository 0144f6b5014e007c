import type { Db } from "@/db/client";
import { orders } from "@/db/schema/orders";
import { paymentAttempts, type PaymentAttempt } from "@/db/schema/payments";

const CHUNK = 500;

/**
 * `count` orders awaiting payment, each with one intended attempt whose Paymob order id is known: the state
 * a store is in right after customers were sent to Paymob. Bulk inserts through Drizzle, so the benchmark
 * seeds in seconds; the payloads come from tests/helpers/orders.ts so they match what the tests use.
 */
export async function seedAwaitingOrders(db: Db, count: number, runTag: string): Promise<PaymentAttempt[]> {
  const attempts: PaymentAttempt[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const size = Math.min(CHUNK, count - start);
    const indexes = Array.from({ length: size }, (_, i) => start + i);
    const inserted = await db
      .insert(orders)
      .values(
        indexes.map((i) => ({
          reference: `PS-B${runTag}${i}`,
          totalMinor: 35_000 + (i % 50) * 100,
          currency: "EGP",
          checkoutKey: `bench-${runTag}-${i}`,
          guestId: `bench-guest-${i}`,
          email: `buyer${i}@example.com`,
          phone: "+201000000000",
          firstName: "Bench",
          lastName: "Buyer",
          street: "1 Nile St",
          city: "Cairo",
          country: "EG",
        })),
      )
      .returning({ id: orders.id, reference: orders.reference, totalMinor: orders.totalMinor });
    const rows = await db
      .insert(paymentAttempts)
      .values(
        inserted.map((order, j) => ({
          orderId: order.id,
          mode: "redirect" as const,
          status: "intended" as const,
          amountMinor: order.totalMinor,
          currency: "EGP",
          specialReference: `${order.reference}-1`,
          intentionId: `pi_bench_${runTag}_${start + j}`,
          // Distinct per run and per order, like Paymob's own order ids.
          intentionOrderId: 700_000_000 + start + j,
          clientSecret: `egy_csk_bench_${runTag}_${start + j}`,
          intendedAt: new Date(),
        })),
      )
      .returning();
    attempts.push(...rows);
  }
  return attempts;
}
