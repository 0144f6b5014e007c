// The card-frame half of the emulator's Pixel (spliced into main-js.ts's IIFE, where `el`, `ORIGIN`, `MESSAGES`
// and `Pixel` live): Pixel's postMessage protocol with the card frame (cardData, its answers, field errors) and the
// pay result handed over as Paymob's Pixel does: afterPaymentComplete unless it is 3-D Secure, otherwise the page
// goes to the bank (docs/paymob.md § "Pixel").
export const PIXEL_PAY_JS = String.raw`  Pixel.prototype._post = function (message) {
    if (this._frame && this._frame.contentWindow) this._frame.contentWindow.postMessage(message, ORIGIN);
  };

  Pixel.prototype._sendCardData = function (submit) {
    var o = this._options;
    this._post({ type: "cardData", payload: {
      paymentToken: this._token,
      saveCard: Boolean(o.forceSaveCard || (this._saveBox && this._saveBox.checked)),
      shouldSubmitData: submit
    } });
  };

  Pixel.prototype._setLoading = function (loading) {
    this._loading = loading;
    if (this._button) {
      this._button.disabled = loading || !this._ready();
      this._button.setAttribute("aria-busy", loading ? "true" : "false");
    }
  };

  Pixel.prototype._pay = function () {
    var self = this;
    var o = this._options;
    if (this._view === "saved") return this._paySaved();
    if (this._loading || !this._token) return;
    this._error.textContent = "";
    this._setLoading(true);
    // beforePaymentComplete may be async; only an explicit false aborts (as Paymob's wrapper does).
    Promise.resolve(o.beforePaymentComplete ? o.beforePaymentComplete("card") : true).then(function (proceed) {
      if (proceed === false) return self._setLoading(false);
      self._sendCardData(true);
    }, function () {
      self._setLoading(false);
    });
  };

  // Which customStyle.Error_Text entry replaces the frame's message for each field (Pixel's card component).
  var ERROR_KEYS = { number: "cardNumber", expiry: "expiryDate", cvc: "securityCode", name: "holderName" };

  /** Pixel's getFieldErrorMessage: a string replaces any message; {required, invalid} picks by the frame's wording. */
  function fieldMessage(native, custom) {
    if (!custom) return native;
    if (typeof custom === "string") return custom;
    var required = /required/i.test(native);
    return (required ? custom.required : custom.invalid) || native;
  }

  Pixel.prototype._showFieldErrors = function (errors) {
    var list = this._fieldErrors;
    if (!list) return;
    var custom = this._styling().errorText;
    list.innerHTML = "";
    ["number", "expiry", "cvc", "name"].forEach(function (k) {
      if (errors[k]) list.appendChild(el("li", {}, fieldMessage(errors[k], custom[ERROR_KEYS[k]])));
    });
  };

  Pixel.prototype._receive = function (event) {
    if (event.origin !== ORIGIN || !event.source) return;
    var m = event.data || {};
    if (!m.type) return;
    // The CVV frame of the picked saved card reports only what is typed in it.
    if (this._cvvFrame && event.source === this._cvvFrame.contentWindow) {
      if (m.type === "selectedCardCVV" && typeof m.selectedCardCVV === "string") {
        this._cvv = m.selectedCardCVV;
        this._savedValidity();
      }
      return;
    }
    if (!this._frame || event.source !== this._frame.contentWindow) return;
    var o = this._options;
    if (m.iframeCardHight) this._frame.style.height = Math.max(80, Math.min(2000, Number(m.iframeCardHight) || 0)) + "px";
    if (m.type === "isIframeLoaded") {
      this._post({ type: "customStyles", payload: { styling: this._styling(), options: { hideCardHolderName: Boolean(o.hideCardHolderName) } } });
      this._sendCardData(false);
    } else if (m.type === "errors") {
      this._showFieldErrors(m.errors || {});
      this._valid = m.shouldDisableActionBtn === false;
      this._setLoading(this._loading);
      if (Object.keys(m.errors || {}).length === 4 && this._validReported !== this._valid && typeof o.cardValidationChanged === "function") {
        this._validReported = this._valid;
        o.cardValidationChanged(this._valid);
      }
    } else if (m.type === "loading") {
      this._setLoading(m.loading === true);
    } else if (m.type === "paymentResponse" && m.response) {
      this._complete(m.response.res || { status: 0, data: {} });
    }
  };

  Pixel.prototype._complete = function (res) {
    var o = this._options;
    var data = res.data || {};
    var target = data.redirection_url || data.redirect_url;
    // Paymob's Pixel: anything but 3-D Secure goes to afterPaymentComplete, a 4xx included.
    if (typeof o.afterPaymentComplete === "function" && data.is_3d_secure !== "true") return o.afterPaymentComplete(res);
    if (res.status === 200 && target) {
      window.location.href = target;
      return;
    }
    this._error.textContent = this._message(res);
  };

  Pixel.prototype._message = function (res) {
    var data = res.data || {};
    var first = Array.isArray(data) ? data[0] : data.msg;
    if (res.status === 400) {
      if (first === "Retry limit reached.") return MESSAGES.trials;
      if (data.message === "Session Error") return MESSAGES.processed;
      if (first === "Order has already paid.") return MESSAGES.alreadyPaid;
      return MESSAGES.declined;
    }
    if (res.status === 401) return MESSAGES.expired;
    if (res.status === 403) return MESSAGES.trials;
    if (res.status === 406 || res.status === 422) return MESSAGES.processed;
    return MESSAGES.wrong;
  };
`;
