// The Pixel-compatible browser script served at /pixel/main.js. It mirrors Paymob Pixel's public surface
// (window.Pixel, its documented options and events; docs/paymob.md § "Pixel") so the storefront's Pixel component runs
// unchanged against the emulator. Plain ES2017 in a string: served as-is, works as a classic or module script.
export const PIXEL_MAIN_JS = String.raw`(function () {
  "use strict";
  if (window.Pixel && window.Pixel.__emulator) return;

  // Where this script came from = the emulator mount (document.currentScript is null for type=module).
  var script = document.currentScript || Array.prototype.slice.call(document.querySelectorAll("script[src]")).filter(function (s) {
    return /\/pixel\/main\.js(\?|$)/.test(s.src);
  })[0];
  var BASE = script ? new URL(script.src, location.href).href.replace(/\/pixel\/main\.js.*$/, "") : location.origin + "/paymob-emulator";
  var ORIGIN = new URL(BASE).origin;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function Pixel(options) {
    if (!(this instanceof Pixel)) throw new TypeError("Pixel must be constructed with new");
    if (!options || !options.publicKey || !options.elementId) throw new Error("Pixel: publicKey and elementId are required");
    var container = document.getElementById(options.elementId);
    if (!container) throw new Error("Pixel: no element with id " + options.elementId);
    // React StrictMode mounts twice: a second Pixel on the same, still-mounted element reuses the first one
    // (with the newest callbacks) instead of rendering a second form.
    var existing = Pixel._instances[options.elementId];
    if (existing && existing._container === container && container.isConnected && container.querySelector("iframe.paymob-emu-frame")) {
      existing._options = options;
      return existing;
    }
    if (existing) existing._destroy();
    Pixel._instances[options.elementId] = this;
    this._options = options;
    this._container = container;
    this._valid = null;
    this._busy = false;
    this._render();
  }

  Pixel.__emulator = true;
  Pixel._instances = {};

  Pixel.getInstance = function (elementId) {
    var ids = Object.keys(Pixel._instances);
    if (!elementId && ids.length > 1) throw new Error("Pixel: pass the elementId when several instances exist");
    return Pixel._instances[elementId || ids[0]];
  };

  /** Re-reads the intention after a PUT (amount changes), like Paymob's Pixel.updateIntentionData. */
  Pixel.updateIntentionData = function (elementId) {
    var instance = Pixel.getInstance(elementId);
    if (!instance) return Promise.reject(new Error("Pixel: no instance"));
    var o = instance._options;
    return fetch(BASE + "/v1/intention/element/" + encodeURIComponent(o.publicKey) + "/" + encodeURIComponent(o.clientSecret) + "/").then(function (res) {
      return res.json().then(function (data) {
        instance._post({ type: "refresh" });
        return { status: res.status, data: data };
      });
    });
  };

  Pixel.submit = function () {
    return Promise.reject(new Error("Pixel.submit (tokenization-only mode) is not available in the Paymob test emulator"));
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
    var params = new URLSearchParams({
      publicKey: o.publicKey,
      clientSecret: o.clientSecret || "",
      showSaveCard: o.showSaveCard ? "1" : "0",
      forceSaveCard: o.forceSaveCard ? "1" : "0",
      hideCardHolderName: o.hideCardHolderName ? "1" : "0",
      parentOrigin: location.origin
    });
    var frame = el("iframe", { class: "paymob-emu-frame", title: "Card payment form", src: BASE + "/pixel/iframe-card/?" + params.toString() });
    frame.style.height = "300px";
    root.appendChild(frame);
    var error = el("p", { class: "paymob-emu-error", role: "alert" });
    root.appendChild(error);
    if (!o.disablePay) {
      var button = el("button", { type: "button", class: "paymob-emu-pay" }, (style.Button_Text && style.Button_Text.Pay) || "Pay");
      if (style.Color_Primary) button.style.background = style.Color_Primary;
      if (style.Radius_Border) button.style.borderRadius = style.Radius_Border;
      button.addEventListener("click", function () { self._pay(); });
      root.appendChild(button);
      this._button = button;
    }
    this._container.appendChild(root);
    this._frame = frame;
    this._error = error;
    this._onMessage = function (event) { self._receive(event); };
    window.addEventListener("message", this._onMessage);
    if (o.disablePay) {
      this._onOutside = function () { self._pay(); };
      window.addEventListener("payFromOutside", this._onOutside);
    }
  };

  Pixel.prototype._destroy = function () {
    window.removeEventListener("message", this._onMessage);
    if (this._onOutside) window.removeEventListener("payFromOutside", this._onOutside);
  };

  Pixel.prototype._post = function (message) {
    if (this._frame && this._frame.contentWindow) this._frame.contentWindow.postMessage(Object.assign({ source: "paymob-emulator-pixel" }, message), ORIGIN);
  };

  Pixel.prototype._setBusy = function (busy) {
    this._busy = busy;
    if (this._button) {
      this._button.disabled = busy;
      this._button.setAttribute("aria-busy", busy ? "true" : "false");
    }
  };

  Pixel.prototype._pay = function () {
    var self = this;
    var o = this._options;
    if (this._busy) return;
    this._error.textContent = "";
    this._setBusy(true);
    // beforePaymentComplete may be async; only an explicit false aborts (as Paymob's wrapper does).
    Promise.resolve(o.beforePaymentComplete ? o.beforePaymentComplete("card") : true).then(function (proceed) {
      if (proceed === false) return self._setBusy(false);
      self._post({ type: "pay" });
    }, function (err) {
      self._setBusy(false);
      self._error.textContent = (err && err.message) || "Payment was stopped.";
    });
  };

  Pixel.prototype._receive = function (event) {
    if (event.origin !== ORIGIN || !this._frame || event.source !== this._frame.contentWindow) return;
    var m = event.data || {};
    if (m.source !== "paymob-emulator-iframe") return;
    var o = this._options;
    if (m.type === "ready") {
      if (this._button && m.amountLabel && !(o.customStyle && o.customStyle.Button_Text && o.customStyle.Button_Text.Pay)) this._button.textContent = "Pay " + m.amountLabel;
      this._post({ type: "init", customStyle: o.customStyle || {} });
    } else if (m.type === "height") {
      this._frame.style.height = Math.max(120, Math.min(2000, Number(m.value) || 0)) + "px";
    } else if (m.type === "validity") {
      if (this._valid !== m.valid && typeof o.cardValidationChanged === "function") o.cardValidationChanged(m.valid);
      this._valid = m.valid;
    } else if (m.type === "requestPay") {
      this._pay();
    } else if (m.type === "invalid") {
      this._setBusy(false);
    } else if (m.type === "paymentResponse") {
      this._complete(m.res);
    }
  };

  Pixel.prototype._complete = function (res) {
    var o = this._options;
    var data = (res && res.data) || {};
    if (!res || res.status !== 200) {
      this._setBusy(false);
      this._error.textContent = data.message || data.detail || "Something went wrong. Please try again.";
      return;
    }
    // Paymob Pixel: non-3-DS results go to afterPaymentComplete; 3-D Secure (or no callback) navigates the page.
    if (typeof o.afterPaymentComplete === "function" && data.is_3d_secure !== "true") {
      this._setBusy(false);
      o.afterPaymentComplete(res);
      return;
    }
    var target = data.redirection_url || data.redirect_url;
    if (target) window.top.location.href = target;
  };

  window.Pixel = Pixel;
})();
`;
