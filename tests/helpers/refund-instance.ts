// One "app instance" for tests/integration/admin-reversals-two-instances.test.ts: its own OS process and its
// own connection pool to the shared PostgreSQL database, running the real admin refund, capture and
// authorisation void operations against a fake Paymob over HTTP. Run with `node --import tsx --import ./tests/helpers/server-only-stub.mjs`.
//
// Protocol: the config comes as JSON in INSTANCE_CONFIG; the process prints "ready" once connected, waits for
// "go" on stdin (so both instances start together without sleeping), fires every request at once, prints
// one line of JSON with the outcomes and exits.
import { createInterface } from "node:readline";
import { z } from "zod";
import { openDb } from "@/db/client";
import { requestAuthorisationVoid, requestCapture, type CaptureGateway } from "@/lib/admin/capture";
import { requestRefund, type AdminPaymobGateway } from "@/lib/admin/operations";
import type { PaymobConfig } from "@/lib/paymob/config";
import { captureTransaction, refundTransaction, voidTransaction } from "@/lib/paymob/transactions";

const configSchema = z.object({
  driver: z.enum(["pg", "neon"]),
  url: z.string(),
  wsProxy: z.string().optional(),
  paymobUrl: z.url(),
  requests: z.array(
    z.discriminatedUnion("action", [
      z.object({ action: z.literal("refund"), reference: z.string(), attemptId: z.string(), amount: z.string() }),
      z.object({
        action: z.enum(["capture", "void_authorisation"]),
        reference: z.string(),
        attemptId: z.string(),
        transactionId: z.string(),
      }),
    ]),
  ),
});

async function main() {
  const config = configSchema.parse(JSON.parse(process.env.INSTANCE_CONFIG ?? "{}"));
  const handle = await openDb({ driver: config.driver, url: config.url, poolMax: 4, wsProxy: config.wsProxy });
  const paymob: PaymobConfig = {
    mode: "test",
    region: "egypt",
    baseUrl: config.paymobUrl,
    currency: "EGP",
    secretKey: "egy_sk_test_instance",
    publicKey: "egy_pk_test_instance",
    hmacSecret: "unused",
    paymentMethods: [],
  };
  const gateway: AdminPaymobGateway & CaptureGateway = {
    refund: (input) => refundTransaction(paymob, input),
    void: (input) => voidTransaction(paymob, input),
    capture: (input) => captureTransaction(paymob, input),
  };
  const admin = {
    userId: `admin-${process.pid}`,
    email: "admin@example.com",
    name: null,
    verifiedEmail: "admin@example.com",
  };
  await handle.db.execute("select 1"); // connected before saying ready

  const lines = createInterface({ input: process.stdin });
  console.log("ready");
  for await (const line of lines) if (line.trim() === "go") break;
  lines.close();

  const operations = { refund: requestRefund, capture: requestCapture, void_authorisation: requestAuthorisationVoid };
  const results = await Promise.all(
    config.requests.map(({ action, ...form }) => operations[action](admin, handle.db, form, gateway)),
  );
  console.log(JSON.stringify({ pid: process.pid, statuses: results.map((r) => r.status) }));
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
