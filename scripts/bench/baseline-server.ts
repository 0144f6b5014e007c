// The benchmark's floor: the least a correct Paymob callback endpoint can do, with no framework, no ORM and
// no validation library. Read the body, verify the HMAC, store the event, insert the transaction row
// ON CONFLICT DO NOTHING, and lock + update the order, in one transaction over node-postgres.
// Started by scripts/bench/callbacks.ts as its own process (like `next start`): PORT, DATABASE_URL, HMAC_SECRET.
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { transactionHmacMessage, verifyTransaction } from "@/lib/paymob/hmac";

const port = Number(process.env.PORT);
const secret = process.env.HMAC_SECRET ?? "";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
const MAX_BYTES = 64 * 1024;

type Obj = {
  id: number;
  order: { id: number; merchant_order_id?: string };
  amount_cents: number;
  currency: string;
  success: boolean;
  pending: boolean;
  is_refunded: boolean;
  is_voided: boolean;
  has_parent_transaction: boolean;
};

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BYTES) chunks.push(chunk);
  });
  req.on("end", () => {
    const reply = (status: number, outcome: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: status === 200, outcome }));
    };
    if (req.method !== "POST" || size > MAX_BYTES) return reply(size > MAX_BYTES ? 413 : 405, "refused");
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const hmac = new URL(req.url ?? "/", "http://baseline").searchParams.get("hmac");
    handle(rawBody, hmac).then(
      ([status, outcome]) => reply(status, outcome),
      (error: Error) => {
        console.error(`[baseline] ${error.message}`);
        reply(503, "error");
      },
    );
  });
});

async function handle(rawBody: string, hmac: string | null): Promise<[number, string]> {
  let obj: Obj;
  try {
    obj = (JSON.parse(rawBody) as { obj: Obj }).obj;
    if (typeof obj?.id !== "number" || typeof obj.order?.id !== "number") throw new Error("shape");
  } catch {
    await insertEvent(pool, rawBody, hmac, "invalid", null, null, null, "malformed");
    return [400, "malformed"];
  }
  if (!verifyTransaction(secret, obj, hmac)) {
    await insertEvent(pool, rawBody, hmac, "invalid", obj, null, null, "rejected_signature");
    return [401, "rejected_signature"];
  }
  const client = await pool.connect();
  try {
    await client.query("begin");
    const locked = await client.query<{ attempt_id: string; order_id: string; status: string }>(
      "select a.id as attempt_id, o.id as order_id, o.status from payment_attempts a join orders o on o.id = a.order_id where a.intention_order_id = $1 for update",
      [obj.order.id],
    );
    const row = locked.rows[0];
    const eventId = await insertEvent(
      client,
      rawBody,
      hmac,
      "valid",
      obj,
      row?.attempt_id ?? null,
      row?.order_id ?? null,
      row ? "applied" : "unknown_order",
    );
    if (!row) {
      await client.query("commit");
      return [200, "unknown_order"];
    }
    const fingerprint = createHash("sha256").update(transactionHmacMessage(obj), "utf8").digest("hex");
    const inserted = await client.query(
      `insert into payment_transactions (paymob_transaction_id, fingerprint, attempt_id, order_id, event_id, success, pending, amount_cents, currency, is_refunded, is_voided, has_parent_transaction, fact, from_status, to_status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'paid', $13, 'paid') on conflict (paymob_transaction_id, fingerprint) do nothing returning id`,
      [
        obj.id,
        fingerprint,
        row.attempt_id,
        row.order_id,
        eventId,
        obj.success,
        obj.pending,
        obj.amount_cents,
        obj.currency,
        obj.is_refunded,
        obj.is_voided,
        obj.has_parent_transaction,
        row.status,
      ],
    );
    if (inserted.rowCount === 0) {
      await client.query("update payment_events set outcome = 'duplicate' where id = $1", [eventId]);
    } else {
      await client.query(
        "update orders set status = 'paid', paid_at = coalesce(paid_at, now()), updated_at = now() where id = $1",
        [row.order_id],
      );
      await client.query(
        "update payment_attempts set status = 'paid', paymob_transaction_id = $2, updated_at = now() where id = $1",
        [row.attempt_id, obj.id],
      );
    }
    await client.query("commit");
    return [200, inserted.rowCount === 0 ? "duplicate" : "applied"];
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function insertEvent(
  db: pg.Pool | pg.PoolClient,
  rawBody: string,
  hmac: string | null,
  verification: string,
  obj: Obj | null,
  attemptId: string | null,
  orderId: string | null,
  outcome: string,
): Promise<number> {
  const result = await db.query<{ id: number }>(
    `insert into payment_events (kind, source, verification, raw_body, signature, paymob_transaction_id, paymob_order_id, merchant_order_id, attempt_id, order_id, outcome)
     values ('TRANSACTION', 'callback', $1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      verification,
      rawBody,
      hmac,
      obj?.id ?? null,
      obj?.order.id ?? null,
      obj?.order.merchant_order_id ?? null,
      attemptId,
      orderId,
      outcome,
    ],
  );
  return result.rows[0]!.id;
}

server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => console.log(`[baseline] listening on http://127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => void pool.end().then(() => process.exit(0))));
