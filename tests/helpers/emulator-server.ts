import http from "node:http";
import { afterAll, beforeAll } from "vitest";
import { handleEmulatorRequest } from "@/lib/emulator";
import { setDeliveryClock } from "@/lib/emulator/time";
import { EMULATOR_MOUNT } from "@/lib/paymob/emulator-credentials";
import { startCallbackReceiver, type CallbackReceiver } from "./callback-receiver";
import { FakeClock } from "./fake-clock";
import { listenOnLoopback } from "./loopback-server";

export type EmulatorServer = {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** origin + mount: what a Paymob client config uses as its baseUrl. */
  baseUrl: string;
  /** The clock the emulator's callback schedule runs on while this server is up. */
  clock: FakeClock;
  /**
   * Runs everything the emulator deferred after its responses (callback pumps) to the end, moving the clock
   * through the scheduled delays, duplicates and retries as the pumps reach them. Event-driven: it waits for
   * a pump to finish or to start waiting on the clock, and only moves the clock once every pump is waiting.
   */
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Serves `handleEmulatorRequest` over real HTTP on 127.0.0.1 (random port): node request → Web Request,
 * Web Response → node response. Deferred work is tracked like a platform's waitUntil, and the callback
 * schedule runs on a fake clock until `close()`.
 */
export async function startEmulatorServer(): Promise<EmulatorServer> {
  const pending = new Set<Promise<unknown>>();
  const clock = new FakeClock();
  const restoreClock = setDeliveryClock(clock);
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const v of value) headers.append(key, v);
        else if (value !== undefined) headers.set(key, value);
      }
      const body =
        chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body });
      const response = await handleEmulatorRequest(request, {
        basePath: EMULATOR_MOUNT,
        waitUntil: (promise) => {
          pending.add(promise);
          void promise.finally(() => pending.delete(promise));
        },
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    origin,
    baseUrl: `${origin}${EMULATOR_MOUNT}`,
    clock,
    settle: async () => {
      while (pending.size > 0) {
        // Every pump is waiting for a later due time: that time has come.
        if (clock.sleeping >= pending.size) clock.advanceToNextWake();
        else await Promise.race([...pending, clock.nextSleep()]);
      }
    },
    close: async () => {
      await close();
      restoreClock();
    },
  };
}

// ——— Flow helpers for the emulator contract tests ———

export const TEST_BILLING = {
  first_name: "Nour",
  last_name: "Hassan",
  email: "nour@example.com",
  phone_number: "+201000000001",
};

export type CreatedIntention = {
  id: string;
  client_secret: string;
  intention_order_id: number;
  special_reference: string;
};

/** Creates an intention whose callbacks go to `${notifyBase}/cb/<reference>` and whose redirect is `https://shop.test/return`. */
export async function createTestIntention(
  emu: EmulatorServer,
  notifyBase: string,
  patch: Record<string, unknown> = {},
): Promise<CreatedIntention> {
  const { EMULATOR_SECRET_KEY } = await import("@/lib/paymob/emulator-credentials");
  const reference = `ORD-${Math.random().toString(36).slice(2, 10)}`;
  const res = await fetch(`${emu.baseUrl}/v1/intention/`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Token ${EMULATOR_SECRET_KEY}` },
    body: JSON.stringify({
      amount: 35_000,
      currency: "EGP",
      payment_methods: ["card", "wallet"],
      items: [{ name: "Aswan clay mug", amount: 35_000, quantity: 1 }],
      billing_data: TEST_BILLING,
      extras: { order_ref: reference },
      special_reference: reference,
      notification_url: `${notifyBase}/cb/${reference}`,
      redirection_url: "https://shop.test/checkout/return?from=paymob",
      ...patch,
    }),
  });
  if (res.status !== 201) throw new Error(`create intention: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedIntention;
}

/** POSTs an HTML form (urlencoded) without following redirects, like a browser with JS disabled. */
export function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

/** Submits the hosted checkout's card form. */
export async function payByCard(
  emu: EmulatorServer,
  intention: CreatedIntention,
  cardNumber: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const { EMULATOR_PUBLIC_KEY } = await import("@/lib/paymob/emulator-credentials");
  return postForm(`${emu.baseUrl}/unifiedcheckout/pay`, {
    publicKey: EMULATOR_PUBLIC_KEY,
    clientSecret: intention.client_secret,
    method: "card",
    card_number: cardNumber,
    card_name: "Test Account",
    expiry: "01/39",
    cvv: "123",
    ...extra,
  });
}

/**
 * For one describe block: an emulator server and a callback receiver, started before its tests and stopped
 * (after in-flight deliveries settle) when they are done. Read them as `h.emu` / `h.receiver` inside tests.
 */
export function useEmulatorHarness(): { readonly emu: EmulatorServer; readonly receiver: CallbackReceiver } {
  let emu: EmulatorServer | undefined;
  let receiver: CallbackReceiver | undefined;
  beforeAll(async () => {
    [emu, receiver] = await Promise.all([startEmulatorServer(), startCallbackReceiver()]);
  });
  afterAll(async () => {
    await emu?.settle();
    await Promise.all([emu?.close(), receiver?.close()]);
  });
  return {
    get emu() {
      if (!emu) throw new Error("emulator server not started yet");
      return emu;
    },
    get receiver() {
      if (!receiver) throw new Error("callback receiver not started yet");
      return receiver;
    },
  };
}
