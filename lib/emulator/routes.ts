import { paymentStatus, showChallenge, showCheckout, submitChallenge, submitCheckout } from "./api/checkout";
import { authTokens, getTransaction, transactionInquiry } from "./api/inquiry";
import { createIntention, getElement } from "./api/intention";
import { pay } from "./api/pay";
import { reverse } from "./api/reversals";
import { listDeliveries, pumpNow, replayDelivery, setScenario } from "./api/control";
import { html } from "./http";
import { homePage } from "./pages/home";
import { pixelDemoPage } from "./pages/pixel-demo";
import { iframeCard } from "./pixel/iframe";
import { keyWhenPublic, maskedWhenPublic } from "./public-guards";
import { Router } from "./router";

// Every path the emulator answers, below the mount: Paymob's own paths, then the emulator's tools (/_emulator).
// The wrappers only act when the emulator is public (exposure.ts): masked personal data, a key for the tools.
export const routes = new Router()
  .on("POST", "/v1/intention/", (ctx) => createIntention(ctx))
  .on("GET", "/v1/intention/element/{pk}/{cs}/", (ctx, [pk, cs]) => getElement(ctx, pk!, cs!))
  .on("GET", "/unifiedcheckout/", (ctx) => showCheckout(ctx))
  .on("POST", "/unifiedcheckout/pay", (ctx) => submitCheckout(ctx))
  .on("GET", "/unifiedcheckout/payment-status", (ctx) => paymentStatus(ctx))
  .on("GET", "/acs/{id}/", (ctx, [id]) => showChallenge(ctx, id!))
  .on("POST", "/acs/{id}/", (ctx, [id]) => submitChallenge(ctx, id!))
  .on("GET", "/pixel/iframe-card/", (ctx) => iframeCard(ctx))
  .on("POST", "/api/acceptance/payments/pay", (ctx) => pay(ctx))
  .on("POST", "/api/acceptance/void_refund/refund", maskedWhenPublic((ctx) => reverse(ctx, "refund")))
  .on("POST", "/api/acceptance/void_refund/void", maskedWhenPublic((ctx) => reverse(ctx, "void")))
  .on("POST", "/api/acceptance/capture", maskedWhenPublic((ctx) => reverse(ctx, "capture")))
  .on("POST", "/api/auth/tokens", (ctx) => authTokens(ctx))
  .on("POST", "/api/ecommerce/orders/transaction_inquiry", maskedWhenPublic((ctx) => transactionInquiry(ctx)))
  .on("GET", "/api/acceptance/transactions/{id}", maskedWhenPublic((ctx, [id]) => getTransaction(ctx, id!)))
  .on("GET", "/", (ctx) => html(200, homePage(ctx.base)))
  .on("GET", "/_emulator/", (ctx) => html(200, homePage(ctx.base)))
  .on("POST", "/_emulator/scenario", keyWhenPublic((ctx) => setScenario(ctx)))
  .on("GET", "/_emulator/deliveries", (ctx) => listDeliveries(ctx))
  .on("POST", "/_emulator/deliveries/pump", keyWhenPublic((ctx) => pumpNow(ctx)))
  .on("POST", "/_emulator/deliveries/{id}/replay", keyWhenPublic((ctx, [id]) => replayDelivery(ctx, id!)))
  .on("GET", "/_emulator/pixel-demo", (ctx) => html(200, pixelDemoPage(ctx.base, ctx.url.searchParams.get("clientSecret") ?? "", ctx.url.searchParams.get("disablePay") === "1")));
