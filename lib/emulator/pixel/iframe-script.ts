// Script of the card frame (/iframe-card-v2/), speaking Paymob Pixel's own postMessage protocol (read from
// Pixel's card component, src/components/Payments/Card/index.tsx in the published bundle; docs/paymob.md § "Pixel"):
//   parent → frame  {type:"cardData", payload:{paymentToken, saveCard, shouldSubmitData, …}}: the payment token,
//                    and, with shouldSubmitData, "pay now"; {type:"customStyles", payload:{styling, options}}
//   frame → parent  {type:"isIframeLoaded"}, {type:"iframeCardHight", iframeCardHight}, {type:"errors", errors:
//                    {number, name, expiry, cvc}, shouldDisableActionBtn}, {type:"loading", loading},
//                    {type:"paymentResponse", response:{res:{status, data}, requiresOTP, isOmanNetCard}}
// The frame never learns the client secret: it pays with the payment token alone, at the Pay API beside it
// (the emulator serves the API and the frame under one base). Like Pixel, it posts to "*": the merchant's origin
// is not known to the frame, and nothing it posts is secret from the merchant.
import { STRINGS } from "../pages/strings";

// The frame's own words in both languages (its labels and hint); the store's customStyle texts win over them.
const FRAME_WORDS = JSON.stringify(
  Object.fromEntries(
    Object.entries(STRINGS).map(([language, t]) => [
      language,
      {
        cardNumber: t.cardNumber,
        holderName: t.nameOnCard,
        expiryDate: t.expiry,
        securityCode: t.cvv,
        hint: t.frameHint,
      },
    ]),
  ),
);

export const IFRAME_SCRIPT = String.raw`(function () {
  "use strict";
  var form = document.getElementById("card-form");
  var payUrl = new URL("../api/acceptance/payments/pay", location.href).href;
  var WORDS = ${FRAME_WORDS};
  var state = { token: null, saveCard: false, hideName: false, touched: {}, busy: false, language: "en" };
  function post(message) { window.parent.postMessage(message, "*"); }
  function field(name) { return form.elements[name]; }
  function digits(value) { return value.replace(/[\s-]/g, ""); }
  function luhn(d) {
    if (!/^\d{12,19}$/.test(d)) return false;
    var sum = 0;
    for (var i = 0; i < d.length; i++) {
      var n = Number(d[d.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    return sum % 10 === 0;
  }
  function expiry(value) {
    var m = /^\s*(\d{1,2})\s*\/\s*(\d{2})\s*$/.exec(value);
    if (!m) return null;
    var month = Number(m[1]), year = 2000 + Number(m[2]), now = new Date();
    if (month < 1 || month > 12) return null;
    if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) return null;
    return { month: m[1].padStart(2, "0"), year: m[2] };
  }
  // Pixel lists these under the frame; its customStyle.errorText swaps them by "required" / "invalid".
  function problems() {
    var number = digits(field("card_number").value), name = field("card_name").value.trim();
    var exp = field("expiry").value.trim(), cvc = field("cvv").value;
    return {
      number: !number ? "Card number is required" : luhn(number) ? "" : "Card number is invalid",
      name: state.hideName ? "" : name ? "" : "Name on card is required",
      expiry: !exp ? "Expiry date is required" : expiry(exp) ? "" : "Expiry date is invalid",
      cvc: !cvc ? "CVV is required" : /^\d{3,4}$/.test(cvc) ? "" : "CVV is invalid"
    };
  }
  var INPUT = { number: "card_number", name: "card_name", expiry: "expiry", cvc: "cvv" };
  function report(all) {
    var found = problems(), shown = {}, valid = true;
    Object.keys(found).forEach(function (k) {
      if (found[k]) valid = false;
      shown[k] = all || state.touched[k] ? found[k] : "";
      if (shown[k]) field(INPUT[k]).setAttribute("aria-invalid", "true");
      else field(INPUT[k]).removeAttribute("aria-invalid");
    });
    post({ type: "errors", errors: shown, shouldDisableActionBtn: !valid });
    return valid;
  }
  Object.keys(INPUT).forEach(function (k) {
    field(INPUT[k]).addEventListener("blur", function () { state.touched[k] = true; report(false); });
  });
  form.addEventListener("input", function () { report(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function pay() {
    if (state.busy) return;
    if (!report(true) || !state.token) return post({ type: "loading", loading: false });
    state.busy = true;
    post({ type: "loading", loading: true });
    var exp = expiry(field("expiry").value);
    var body = {
      payment_token: state.token,
      save_card: state.saveCard,
      source: {
        identifier: digits(field("card_number").value),
        sourceholder_name: state.hideName ? "NA" : field("card_name").value.trim(),
        subtype: "CARD",
        expiry_month: exp.month,
        expiry_year: exp.year,
        cvn: field("cvv").value
      }
    };
    // The frame's language goes with the payment, so the bank's 3-D Secure page speaks it too (pay.ts).
    var headers = { "content-type": "application/json", "accept-language": state.language };
    fetch(payUrl, { method: "POST", headers: headers, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (data) { return { status: res.status, data: data }; }); })
      .catch(function () { return { status: 0, data: {} }; })
      .then(function (res) {
        state.busy = false;
        post({ type: "paymentResponse", response: { res: res, requiresOTP: false, isOmanNetCard: false } });
        post({ type: "loading", loading: false });
      });
  }
  function applyStyles(payload) {
    var styling = (payload && payload.styling) || {};
    var options = (payload && payload.options) || {};
    var css = function (selector, style) {
      if (!style || typeof style !== "object") return;
      Array.prototype.forEach.call(document.querySelectorAll(selector), function (node) {
        Object.keys(style).forEach(function (k) { if (typeof style[k] === "string" || typeof style[k] === "number") node.style[k] = style[k]; });
      });
    };
    css("label", styling.label);
    css("input", styling.input);
    // Pixel puts customStyle.Direction on styling.container (its getStyles.ts). Pixel has no language option,
    // so a right-to-left frame is an Arabic one (the only right-to-left language of Paymob's four markets).
    var container = styling.container || {};
    var rtl = container.direction === "rtl" || styling.direction === "rtl" || styling.Direction === "rtl";
    state.language = rtl ? "ar" : "en";
    document.documentElement.dir = rtl ? "rtl" : "ltr";
    document.documentElement.lang = state.language;
    var words = WORDS[state.language], given = styling.placeholderText || {};
    var text = function (key) { return typeof given[key] === "string" && given[key] ? given[key] : words[key]; };
    document.querySelector('label[for="card_number"]').textContent = text("cardNumber");
    document.querySelector('label[for="card_name"]').textContent = text("holderName");
    document.querySelector('label[for="expiry"]').textContent = text("expiryDate");
    document.querySelector('label[for="cvv"]').textContent = text("securityCode");
    document.querySelector(".hint").textContent = words.hint;
    state.hideName = options.hideCardHolderName === true;
    field("card_name").hidden = state.hideName;
    document.querySelector('label[for="card_name"]').hidden = state.hideName;
  }
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    var m = event.data || {};
    if (m.type === "cardData" && m.payload) {
      if (typeof m.payload.paymentToken === "string" && m.payload.paymentToken) state.token = m.payload.paymentToken;
      state.saveCard = m.payload.saveCard === true;
      if (m.payload.shouldSubmitData) pay();
    } else if (m.type === "customStyles") {
      applyStyles(m.payload);
    }
  });
  new ResizeObserver(function () {
    post({ type: "iframeCardHight", iframeCardHight: document.documentElement.scrollHeight });
  }).observe(document.body);
  post({ type: "isIframeLoaded" });
})();
`;

// The CVV-only frame (/iframe-card/?type=cvv) beside a saved card: Pixel reads `selectedCardCVV` from its messages
// and pays the saved card itself (its Pay API call with subtype TOKEN), so the frame only reports what is typed.
// Pixel posts it {type:"cardInfo", payload:{card}} (libs/card SavedCards/Card): an AMEX card's CVV has 4 digits,
// any other's 3, which is also the length Pixel waits for before it enables Pay.
export const CVV_IFRAME_SCRIPT = String.raw`(function () {
  "use strict";
  var input = document.getElementById("cvv");
  var digits = 4;
  function report() {
    input.value = input.value.replace(/\D/g, "").slice(0, digits);
    window.parent.postMessage({ type: "selectedCardCVV", selectedCardCVV: input.value }, "*");
  }
  input.addEventListener("input", report);
  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    var m = event.data || {};
    if (m.type !== "cardInfo" || !m.payload || !m.payload.card) return;
    digits = String(m.payload.card.type).toUpperCase() === "AMEX" ? 4 : 3;
    input.maxLength = digits;
    if (input.value.length > digits) report();
  });
  document.getElementById("cvv-form").addEventListener("submit", function (event) { event.preventDefault(); });
})();
`;
