// Script of the Pixel card iframe (/pixel/iframe-card/). It validates as the payer types, reports validity and
// height to the parent Pixel, and on the parent's "pay" posts the card to /api/acceptance/payments/pay, then hands
// the axios-like {status, data} back. Messages go only to the parent origin named in the iframe URL.
export const IFRAME_SCRIPT = String.raw`(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("pixel-config").textContent);
  var form = document.getElementById("card-form");
  var errorBox = document.getElementById("card-error");
  function post(message) {
    window.parent.postMessage(Object.assign({ source: "paymob-emulator-iframe" }, message), cfg.parentOrigin);
  }
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
  function problems() {
    var f = form.elements, list = [];
    if (!luhn(digits(f.card_number.value))) list.push(["card_number", "Enter a valid card number."]);
    if (f.card_name && !f.card_name.value.trim()) list.push(["card_name", "Enter the name on the card."]);
    if (!expiry(f.expiry.value)) list.push(["expiry", "Enter a valid, future expiry date (MM/YY)."]);
    if (!/^\d{3,4}$/.test(f.cvv.value)) list.push(["cvv", "Enter the 3 or 4 digit security code."]);
    return list;
  }
  function show(list) {
    Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) { input.removeAttribute("aria-invalid"); });
    list.forEach(function (p) { form.elements[p[0]].setAttribute("aria-invalid", "true"); });
    errorBox.textContent = list.length ? list[0][1] : "";
    if (list.length) form.elements[list[0][0]].focus();
  }
  var lastValid = null;
  form.addEventListener("input", function () {
    var valid = problems().length === 0;
    if (valid !== lastValid) post({ type: "validity", valid: valid });
    lastValid = valid;
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    post({ type: "requestPay" }); // Enter inside the iframe goes through the parent (beforePaymentComplete)
  });
  function pay() {
    var list = problems();
    show(list);
    if (list.length) return post({ type: "invalid" });
    var f = form.elements, exp = expiry(f.expiry.value);
    var body = {
      client_secret: cfg.clientSecret,
      payment_token: cfg.paymentToken,
      save_card: cfg.forceSaveCard || Boolean(f.save_card && f.save_card.checked),
      api_source: "PIXEL",
      source: {
        identifier: digits(f.card_number.value),
        sourceholder_name: f.card_name ? f.card_name.value.trim() : "Card Holder",
        subtype: "CARD",
        expiry_month: exp.month,
        expiry_year: exp.year,
        cvn: f.cvv.value
      }
    };
    fetch(cfg.payUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (data) { return { status: res.status, data: data }; }); })
      .catch(function () { return { status: 0, data: { message: "Network error. Please try again." } }; })
      .then(function (res) { post({ type: "paymentResponse", res: res }); });
  }
  var STYLE_VARS = { Font_Family: "--font", Font_Size_Label: "--label-size", Font_Size_Input_Fields: "--input-size", Color_Primary: "--brand", Color_Border_Input_Fields: "--line", Radius_Border: "--radius" };
  window.addEventListener("message", function (event) {
    if (event.origin !== cfg.parentOrigin || event.source !== window.parent) return;
    var m = event.data || {};
    if (m.source !== "paymob-emulator-pixel") return;
    if (m.type === "init") {
      var style = m.customStyle || {};
      Object.keys(STYLE_VARS).forEach(function (k) { if (typeof style[k] === "string") document.documentElement.style.setProperty(STYLE_VARS[k], style[k]); });
      if (style.Direction === "rtl") document.documentElement.dir = "rtl";
    } else if (m.type === "pay") {
      pay();
    } else if (m.type === "refresh") {
      location.reload();
    }
  });
  new ResizeObserver(function () { post({ type: "height", value: document.documentElement.scrollHeight }); }).observe(document.body);
  post({ type: "ready", amountLabel: cfg.amountLabel });
})();
`;
