// The Pixel-compatible browser script served at /pixel/main.js. It mirrors Paymob Pixel's public surface
// (window.Pixel, its documented options and events) and its behaviour as the published bundle shows it
// (docs/paymob.md § "Pixel"): it reads the intention from the element endpoint, embeds the same card frame
// (/iframe-card-v2/, Pixel's postMessage protocol), and hands a pay result over as Pixel does: to
// afterPaymentComplete unless it is 3-D Secure (whatever the HTTP status), otherwise by navigating to the bank.
// With saved cards (the element answer's `card_tokens`) it lists them first and pays one with its CVV only, as
// Paymob's Pixel does (saved-cards-js.ts). Talking to the card frame and paying are in pay-js.ts.
// Plain ES2017 in a string: served as-is, works as a classic or module script.
import { PIXEL_PAY_JS } from "./pay-js";
import { PIXEL_SAVED_CARDS_JS } from "./saved-cards-js";

export const PIXEL_MAIN_JS = String.raw`(function () {
  "use strict";
  if (window.Pixel && window.Pixel.__emulator) return;

  // Where this script came from = the emulator mount (document.currentScript is null for type=module).
  var script = document.currentScript || Array.prototype.slice.call(document.querySelectorAll("script[src]")).filter(function (s) {
    return /\/pixel\/main\.js(\?|$)/.test(s.src);
  })[0];
  var BASE = script ? new URL(script.src, location.href).href.replace(/\/pixel\/main\.js.*$/, "") : location.origin + "/paymob-emulator";
  var ORIGIN = new URL(BASE).origin;
  var LOAD_ERROR = "Something went wrong while retrieving payment data.";
  // Pixel's own wording (its "card" translations) for the pay results it shows itself.
  var MESSAGES = {
    declined: "Payment is declined",
    expired: "Looks like this payment was expired perhaps you should create a new one",
    alreadyPaid: "This order has already been paid",
    processed: "This payment was already processed with status pending",
    trials: "The payment session ends after 3 unsuccessful trials. You will be redirected to the website. You can start a new checkout session with Paymob",
    wrong: "Something went wrong"
  };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function amountLabel(detail) {
    try {
      var digits = new Intl.NumberFormat("en", { style: "currency", currency: detail.currency }).resolvedOptions().maximumFractionDigits;
      return detail.currency + " " + (detail.amount / Math.pow(10, digits)).toFixed(digits);
    } catch (e) {
      return "";
    }
  }

  function Pixel(options) {
    if (!(this instanceof Pixel)) throw new TypeError("Pixel must be constructed with new");
    if (!options || !options.publicKey || !options.elementId) throw new Error("Pixel: publicKey and elementId are required");
    var container = document.getElementById(options.elementId);
    if (!container) throw new Error("Pixel: no element with id " + options.elementId);
    // React StrictMode mounts twice: a second Pixel on the same, still-mounted element reuses the first one
    // (with the newest callbacks) instead of rendering a second form.
    var existing = Pixel._instances[options.elementId];
    if (existing && existing._container === container && container.isConnected && container.firstChild) {
      existing._options = options;
      return existing;
    }
    if (existing) existing._destroy();
    Pixel._instances[options.elementId] = this;
    this._options = options;
    this._id = "paymob-emu-" + options.elementId;
    this._container = container;
    this._view = "card";
    this._savedCards = [];
    this._savedLoaded = false;
    this._showCvv = false;
    this._selected = null;
    this._cvv = "";
    this._cvvFrame = null;
    this._valid = false;
    this._validReported = false; // Pixel reports the first change to valid, not the initial state
    this._loading = false;
    this._token = null;
    this._render();
    this._load();
  }

  Pixel.__emulator = true;
  Pixel._instances = {};

  Pixel.getInstance = function (elementId) {
    var ids = Object.keys(Pixel._instances);
    if (!elementId && ids.length > 1) throw new Error("Multiple Pixel instances detected. Please provide an instance ID.");
    var instance = Pixel._instances[elementId || ids[ids.length - 1]];
    if (!instance) throw new Error("Invalid ID or Pixel not initialized");
    return instance;
  };

  /** Re-reads the intention after a PUT (amount changes), like Paymob's Pixel.updateIntentionData. */
  Pixel.updateIntentionData = function (elementId) {
    return Pixel.getInstance(elementId)._load();
  };

  Pixel.submit = function () {
    return Promise.reject(new Error("Pixel.submit (tokenization-only mode) is not available in the Paymob test emulator"));
  };

  Pixel.prototype._load = function () {
    var self = this, o = this._options;
    var url = BASE + "/v1/intention/element/" + encodeURIComponent(o.publicKey) + "/" + encodeURIComponent(o.clientSecret || "") + "/";
    return fetch(url).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) { return { status: res.status, data: data }; });
    }).then(function (res) {
      var keys = res.data && res.data.payment_keys;
      if (res.status !== 200 || !keys || !keys.card) {
        self._showLoadError((res.data && res.data.msg) || LOAD_ERROR);
        return res;
      }
      self._token = keys.card;
      // Pixel's Pay button: customStyle.Button_Text.payBtn (or "Pay"), then the amount.
      if (self._button) self._button.textContent = (self._text("buttonText", "payBtn", "Pay") + " " + amountLabel(res.data.intention_detail || {})).trim();
      var saved = savedCardsOf(res.data);
      self._showCvv = saved.showCvv;
      self._savedCards = saved.list;
      // The first answer decides the opening view; a re-read (updateIntentionData) keeps what the customer sees.
      var first = !self._savedLoaded;
      self._savedLoaded = true;
      if (first && saved.list.length) self._showSavedCards();
      else if (self._view === "saved") self._savedValidity();
      else self._sendCardData(false);
      return res;
    }, function () {
      self._showLoadError(LOAD_ERROR);
    });
  };

  Pixel.prototype._showLoadError = function (message) {
    this._container.innerHTML = "";
    this._container.appendChild(el("p", { class: "paymob-emu-error", role: "alert" }, message));
  };

  Pixel.prototype._render = function () {
    var o = this._options;
    var self = this;
    var style = o.customStyle || {};
    this._container.innerHTML = "";
    var root = el("div", { class: "paymob-emu-pixel", dir: style.Direction === "rtl" ? "rtl" : "ltr" });
    root.appendChild(el("p", { class: "paymob-emu-badge", role: "note" }, "TEST EMULATOR · no real payment"));
    var others = (o.paymentMethods || ["card"]).filter(function (m) { return m !== "card"; });
    if (others.length) root.appendChild(el("p", { class: "paymob-emu-note" }, others.join(", ") + ": not available in the test emulator (card only)."));
    // The card form or the saved cards (saved-cards-js.ts), one at a time as in Paymob's Pixel.
    this._views = el("div", { class: "paymob-emu-views" });
    root.appendChild(this._views);
    var error = el("p", { class: "paymob-emu-error", role: "alert" });
    root.appendChild(error);
    if (!o.disablePay) {
      var button = el("button", { type: "button", class: "paymob-emu-pay" }, this._text("buttonText", "payBtn", "Pay"));
      if (style.Color_Primary) button.style.background = style.Color_Primary;
      if (style.Radius_Border) button.style.borderRadius = style.Radius_Border;
      button.disabled = true;
      button.addEventListener("click", function () { self._pay(); });
      root.appendChild(button);
      this._button = button;
    }
    this._container.appendChild(root);
    this._error = error;
    this._onMessage = function (event) { self._receive(event); };
    window.addEventListener("message", this._onMessage);
    if (o.disablePay) {
      this._onOutside = function () { if (self._ready()) self._pay(); };
      window.addEventListener("payFromOutside", this._onOutside);
    }
    this._showCardForm();
  };

  /** The card form: Pixel's card frame, its field errors and "save card"; with saved cards, a way back to them. */
  Pixel.prototype._showCardForm = function () {
    var o = this._options;
    var self = this;
    this._view = "card";
    this._selected = null;
    this._cvv = "";
    this._cvvFrame = null;
    this._dropCardForm();
    this._views.innerHTML = "";
    if (this._savedCards.length) {
      var back = el("button", { type: "button", class: "paymob-emu-add" }, this._text("buttonText", "viewSavedCardsBtn", "View Saved Cards"));
      back.addEventListener("click", function () { if (!self._loading) self._showSavedCards(); });
      this._views.appendChild(back);
    }
    var frame = el("iframe", { class: "paymob-emu-frame", title: "Elements", src: BASE + "/iframe-card-v2/?type=card&v=2&integration_type=directPayment" });
    frame.style.height = "300px";
    this._views.appendChild(frame);
    this._fieldErrors = el("ul", { class: "paymob-emu-errors", "aria-live": "polite" });
    this._views.appendChild(this._fieldErrors);
    if (o.forceSaveCard) this._views.appendChild(el("p", { class: "paymob-emu-note" }, this._text("hintText", "saveCardConsentHint", "Your card will be saved for future use")));
    else if (o.showSaveCard) {
      var label = el("label", { class: "paymob-emu-check" });
      this._saveBox = el("input", { type: "checkbox", name: "save_card" });
      this._saveBox.addEventListener("change", function () { self._sendCardData(false); });
      label.appendChild(this._saveBox);
      label.appendChild(document.createTextNode(" " + this._text("labelText", "saveCardConsentLabel", "Save card for future use")));
      this._views.appendChild(label);
    }
    this._frame = frame;
    // Leaving the saved cards: a card that was ready to pay is not any more (Pixel's handleShowNewCardForm).
    if (this._validReported && typeof o.cardValidationChanged === "function") {
      this._validReported = false;
      o.cardValidationChanged(false);
    }
    this._setLoading(this._loading);
  };

  /** The card frame goes with its view: typed card data never outlive it (Pixel unmounts it too). */
  Pixel.prototype._dropCardForm = function () {
    this._frame = null;
    this._fieldErrors = null;
    this._saveBox = null;
    this._valid = false;
  };

  /**
   * customStyle as Paymob's Pixel hands it on (its src/utils/getStyles.ts): Direction becomes the container's
   * direction, and the five text groups keep their keys under camel-case names. The card frame gets this too.
   */
  Pixel.prototype._styling = function () {
    var style = this._options.customStyle || {};
    var group = function (value) { return value && typeof value === "object" ? value : {}; };
    return {
      container: style.Direction ? { direction: style.Direction } : {},
      labelText: group(style.Label_Text),
      placeholderText: group(style.Placeholder_Text),
      errorText: group(style.Error_Text),
      buttonText: group(style.Button_Text),
      hintText: group(style.Hint_Text)
    };
  };

  /** A text the store replaced through customStyle, or Pixel's own English one. */
  Pixel.prototype._text = function (groupName, key, fallback) {
    var value = this._styling()[groupName][key];
    return typeof value === "string" && value ? value : fallback;
  };

  Pixel.prototype._ready = function () {
    return Boolean(this._token) && (this._view === "saved" ? this._savedReady() : this._valid);
  };

  Pixel.prototype._destroy = function () {
    window.removeEventListener("message", this._onMessage);
    if (this._onOutside) window.removeEventListener("payFromOutside", this._onOutside);
  };

${PIXEL_PAY_JS}
${PIXEL_SAVED_CARDS_JS}
  window.Pixel = Pixel;
})();
`;
