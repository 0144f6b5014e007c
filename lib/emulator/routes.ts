import { Hono, type Context } from "hono";
import { logger } from "@/lib/logger";
import {
  paymentStatus,
  showChallenge,
  showCheckout,
  submitChallenge,
  submitCheckout,
  switchLanguage,
} from "./api/checkout";
import { listDeliveries, pumpNow, replayDelivery, setScenario } from "./api/control";
import { orderCardTokens } from "./api/card-tokens";
import { authTokens, getTransaction, transactionInquiry } from "./api/inquiry";
import { createIntention, getElement } from "./api/intention";
import { updateIntention } from "./api/intention-update";
import { pay } from "./api/pay";
import { reverse } from "./api/reversals";
import { emulatorDb } from "./db/migrate";
import { pumpDeliveries } from "./deliveries";
import { detail, html, type EmuContext, type Handler } from "./http";
import { homePage } from "./pages/home";
import { pixelDemoPage } from "./pages/pixel-demo";
import { languageParam } from "./language";
import { iframeCard } from "./pixel/iframe";
import { keyWhenPublic, maskedWhenPublic } from "./public-guards";

export type EmulatorEnv = { Bindings: { basePath: string; waitUntil?: (promise: Promise<unknown>) => void } };
type Methods = Partial<Record<"GET" | "POST" | "PUT" | "OPTIONS", Handler>>;

/**
 * Every path the emulator answers below `basePath`: Paymob's own paths, then the emulator's tools (/_emulator).
 * The wrappers only act when the emulator is public (exposure.ts): masked personal data, a key for the tools.
 * Not strict: a trailing slash is optional everywhere, as Django's APPEND_SLASH makes it in practice on Paymob.
 */
export function emulatorRoutes(basePath: string): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>({ strict: false }).basePath(basePath);
  const on = (path: string, methods: Methods) => {
    for (const [method, handler] of Object.entries(methods)) app.on(method, path, withContext(handler));
    // Registered after the handlers, so it only answers the methods they do not (HEAD goes to GET, as before).
    const allow = Object.keys(methods).join(", ");
    app.all(
      path,
      (c) =>
        new Response(JSON.stringify({ detail: `Method "${c.req.method}" not allowed.` }), {
          status: 405,
          headers: { allow, "content-type": "application/json" },
        }),
    );
  };
  on("/v1/intention", { POST: createIntention });
  on("/v1/intention/:cs", { PUT: (ctx, p) => updateIntention(ctx, p.cs!) });
  // Pixel reads it from the merchant's page, another origin (CORS as any browser-facing API needs).
  on("/v1/intention/element/:pk/:cs", { GET: withCors((ctx, p) => getElement(ctx, p.pk!, p.cs!)) });
  on("/unifiedcheckout", { GET: showCheckout });
  on("/unifiedcheckout/pay", { POST: submitCheckout });
  on("/unifiedcheckout/payment-status", { GET: paymentStatus });
  on("/acs/:id", { GET: (ctx, p) => showChallenge(ctx, p.id!), POST: (ctx, p) => submitChallenge(ctx, p.id!) });
  // Pixel's card frame lives on Paymob's checkout front-end host at these paths (docs/paymob.md § "Pixel").
  on("/iframe-card-v2", { GET: iframeCard });
  on("/iframe-card", { GET: iframeCard });
  // Pixel posts here from the merchant's page too (a saved card), a JSON POST from another origin: preflight + CORS.
  on("/api/acceptance/payments/pay", { POST: withCors(pay), OPTIONS: preflight });
  on("/api/acceptance/void_refund/refund", { POST: maskedWhenPublic((ctx) => reverse(ctx, "refund")) });
  on("/api/acceptance/void_refund/void", { POST: maskedWhenPublic((ctx) => reverse(ctx, "void")) });
  on("/api/acceptance/capture", { POST: maskedWhenPublic((ctx) => reverse(ctx, "capture")) });
  on("/api/auth/tokens", { POST: authTokens });
  on("/api/acceptance/order_card_tokens", { POST: maskedWhenPublic(orderCardTokens) });
  on("/api/ecommerce/orders/transaction_inquiry", { POST: maskedWhenPublic(transactionInquiry) });
  on("/api/acceptance/transactions/:id", { GET: maskedWhenPublic((ctx, p) => getTransaction(ctx, p.id!)) });
  on("/", { GET: (ctx) => html(200, homePage(ctx.base)) });
  on("/_emulator", { GET: (ctx) => html(200, homePage(ctx.base)) });
  on("/_emulator/scenario", { POST: keyWhenPublic(setScenario) });
  on("/_emulator/language", { POST: switchLanguage });
  on("/_emulator/deliveries", { GET: listDeliveries });
  on("/_emulator/deliveries/pump", { POST: keyWhenPublic(pumpNow) });
  on("/_emulator/deliveries/:id/replay", { POST: keyWhenPublic((ctx, p) => replayDelivery(ctx, p.id!)) });
  on("/_emulator/pixel-demo", {
    GET: (ctx) =>
      html(
        200,
        pixelDemoPage(
          ctx.base,
          ctx.url.searchParams.get("clientSecret") ?? "",
          ctx.url.searchParams.get("disablePay") === "1",
          languageParam(ctx.url) ?? "en",
        ),
      ),
  });
  app.notFound(() => detail(404, "Not found."));
  app.onError((error, c) => {
    logger.error(
      { scope: "paymob-emulator", method: c.req.method, path: c.req.path.slice(basePath.length) || "/", err: error },
      "request failed",
    );
    return detail(500, "The emulator hit an internal error; see the server log.");
  });
  return app;
}

/** Lets any page read the answer, as Paymob's public, browser-facing endpoints must. */
function withCors(handler: Handler): Handler {
  return async (ctx, params) => {
    const response = await handler(ctx, params);
    response.headers.set("access-control-allow-origin", "*");
    return response;
  };
}

/** The CORS preflight a browser sends before a cross-origin JSON POST (no cookies: Paymob's API takes none). */
function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "content-type",
      "access-control-max-age": "600",
    },
  });
}

/** The database and deferred work, set up only once a route matched (a 404 or 405 touches no database). */
function withContext(handler: Handler) {
  return async (c: Context<EmulatorEnv>) => {
    const { waitUntil } = c.env;
    const defer = (task: () => Promise<unknown>) => {
      const promise = task().catch((error: unknown) =>
        logger.error({ scope: "paymob-emulator", err: error }, "background work failed"),
      );
      waitUntil?.(promise);
    };
    const url = new URL(c.req.url);
    const db = await emulatorDb();
    const ctx: EmuContext = { request: c.req.raw, url, base: `${url.origin}${c.env.basePath}`, db, defer };
    // Opportunistic pump: every emulator request also delivers callbacks that fell due (delays, retries),
    // which is how delayed callbacks go out on serverless hosts that have no timers.
    defer(() => pumpDeliveries(db));
    return handler(ctx, c.req.param() as Record<string, string>);
  };
}
