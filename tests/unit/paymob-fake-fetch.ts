import type { PaymobConfig } from "@/lib/paymob/config";
import type { FetchImpl } from "@/lib/paymob/http";

type RecordedRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  signal: AbortSignal | null;
};
type Reply = Response | (() => Response | Promise<Response>) | Error;

/** A fetch stand-in that records each request and answers with the queued replies, in order. */
export function fakeFetch(...replies: Reply[]) {
  const requests: RecordedRequest[] = [];
  const impl: FetchImpl = async (url, init) => {
    requests.push({
      url,
      method: init.method ?? "GET",
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === "string" ? JSON.parse(init.body) : init.body,
      signal: init.signal ?? null,
    });
    const reply = replies.shift();
    if (!reply) throw new Error(`unexpected request ${url}`);
    if (reply instanceof Error) throw reply;
    return typeof reply === "function" ? reply() : reply;
  };
  return { impl, requests };
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** A test-mode Egypt config with made-up keys: nothing here can reach a real Paymob account. */
export const TEST_PAYMOB_CONFIG: PaymobConfig = {
  mode: "test",
  region: "egypt",
  baseUrl: "https://accept.paymob.com",
  currency: "EGP",
  secretKey: "egy_sk_test_secret",
  publicKey: "egy_pk_test_public",
  hmacSecret: "HMACSECRET",
  paymentMethods: [4900001, "card"],
};
