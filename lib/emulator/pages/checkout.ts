import type { EmuIntention } from "@/db/schema/emulator";
import { formatMoney } from "@/lib/money";
import { TEST_CARD_CVV, TEST_CARD_EXPIRY, TEST_CARD_HOLDER, TEST_CARDS, TEST_WALLET } from "../cards";
import type { IntentionItem, StoredPaymentMethod } from "../intention-shapes";
import { MERCHANT } from "../settings";
import { h, layout, raw, type Raw } from "./layout";

// The hosted Unified Checkout page. Plain forms POSTing to the emulator: works with JavaScript disabled.

export type CheckoutFormState = { error?: string; values?: Record<string, string> };

export function testCardsTable(): Raw {
  return h`<table><caption class="muted" style="text-align:left">Holder <code>${TEST_CARD_HOLDER}</code>, expiry <code>${TEST_CARD_EXPIRY}</code>, CVV <code>${TEST_CARD_CVV}</code> (any future expiry and any CVV work).</caption>
<thead><tr><th scope="col">Card number</th><th scope="col">Brand</th><th scope="col">What happens</th></tr></thead>
<tbody>${TEST_CARDS.map((c) => h`<tr><td><code>${c.number}</code></td><td>${c.brand}</td><td>${c.description}${c.paymob ? "" : raw(' <span class="muted">(emulator only)</span>')}</td></tr>`)}
<tr><td><code>${TEST_WALLET.number}</code></td><td>Wallet</td><td>Mobile wallet: MPIN <code>${TEST_WALLET.mpin}</code>, OTP <code>${TEST_WALLET.otp}</code> approves</td></tr></tbody></table>`;
}

export function checkoutPage(base: string, publicKey: string, intention: EmuIntention, state: CheckoutFormState = {}): string {
  const methods = (intention.paymentMethods as StoredPaymentMethod[]).map((m) => m.name);
  const items = intention.items as IntentionItem[];
  const total = formatMoney(intention.amountCents, intention.currency);
  const v = state.values ?? {};
  const hidden = h`<input type="hidden" name="publicKey" value="${publicKey}"><input type="hidden" name="clientSecret" value="${intention.clientSecret}">`;
  const action = `${base}/unifiedcheckout/pay`;
  const body = h`
<div class="card"><p class="muted">Pay ${MERCHANT.company_name}</p><div class="amount" aria-label="Amount to pay">${total}</div>
${items.length > 0 ? h`<table aria-label="Order items"><thead><tr><th scope="col">Item</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Amount</th></tr></thead><tbody>${items.map((i) => h`<tr><td>${i.name}</td><td class="num">${i.quantity}</td><td class="num">${formatMoney(i.amount, intention.currency)}</td></tr>`)}</tbody></table>` : ""}
${intention.specialReference ? h`<p class="muted">Reference <code>${intention.specialReference}</code></p>` : ""}</div>
${state.error ? h`<div class="alert" role="alert" id="form-error">${state.error}</div>` : ""}
${methods.includes("card") ? h`<form class="card" method="post" action="${action}" aria-labelledby="card-title" novalidate>
<h2 id="card-title">Pay by card</h2>${hidden}<input type="hidden" name="method" value="card">
<label for="card_number">Card number</label><input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required value="${v.card_number ?? ""}" placeholder="5123 4567 8901 2346">
<label for="card_name">Name on card</label><input type="text" id="card_name" name="card_name" autocomplete="cc-name" required value="${v.card_name ?? ""}">
<div class="row"><div><label for="expiry">Expiry (MM/YY)</label><input type="text" id="expiry" name="expiry" inputmode="numeric" autocomplete="cc-exp" required value="${v.expiry ?? ""}" placeholder="01/39"></div>
<div><label for="cvv">CVV</label><input type="password" id="cvv" name="cvv" inputmode="numeric" autocomplete="cc-csc" required maxlength="4"></div></div>
<label class="check"><input type="checkbox" name="save_card" value="1"${v.save_card ? raw(" checked") : ""}> Save card for future payments</label>
<button type="submit">Pay ${total}</button></form>` : ""}
${methods.includes("wallet") ? h`<form class="card" method="post" action="${action}" aria-labelledby="wallet-title" novalidate>
<h2 id="wallet-title">Pay with a mobile wallet</h2>${hidden}<input type="hidden" name="method" value="wallet">
<label for="wallet_number">Wallet phone number</label><input type="tel" id="wallet_number" name="wallet_number" autocomplete="tel" required value="${v.wallet_number ?? ""}" placeholder="${TEST_WALLET.number}">
<button type="submit">Continue with wallet</button></form>` : ""}
<section class="card" aria-labelledby="cards-title"><h2 id="cards-title">Test cards</h2>${testCardsTable()}</section>
<p class="muted"><a href="${base}/_emulator/deliveries">Callback delivery log</a></p>`;
  return layout(`Pay ${total}`, body);
}
