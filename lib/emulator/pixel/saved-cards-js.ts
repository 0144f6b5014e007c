// The saved-card part of the emulator's Pixel (spliced into main-js.ts's IIFE, where `el`, `BASE` and `Pixel` live).
// It follows Paymob's Pixel as the published bundle has it (src/utils/fetchPayments.ts reads the element answer's
// `card_tokens`; src/components/Payments/Card/index.tsx and libs/card/src/components/SavedCards/Card show them):
// - with saved cards Pixel opens on "Saved cards", one row per card ("Card Ending with 2346"), no card form;
//   a "New card" button opens the card form, and "View Saved Cards" goes back (the card form is dropped);
// - picking a card asks for its CVV in a small frame, {frame host}/iframe-card/?type=cvv, which reports
//   {selectedCardCVV}; the CVV is asked for when the `card` method is `online`, or `moto` with `use_cvc_with_moto`,
//   and it must have 3 digits (4 for AMEX) before Pay is enabled;
// - Pay posts the TOKEN body itself, from the merchant's page (src/services/cardService.ts payWithSavedCard), and
//   on a 200 navigates to the answer's `redirection_url`, afterPaymentComplete or not; an error is shown inline.
// Paymob leaves OmanNet/Maal cards out unless the card method offers OmanNet; the emulator offers neither.
export const PIXEL_SAVED_CARDS_JS = String.raw`
  var SKIPPED_SUBTYPES = ["OMAN_NET", "MAAL_CARD"];

  /** card_tokens[] as Pixel keeps them (fetchPayments.ts formattedSavedCards). */
  function savedCardsOf(data) {
    var methods = Array.isArray(data.payment_methods) ? data.payment_methods : [];
    var card = methods.filter(function (m) { return String(m.name || "").toLowerCase() === "card"; })[0];
    var tokens = Array.isArray(data.card_tokens) ? data.card_tokens : [];
    var list = tokens.map(function (c) {
      return {
        type: String(c.card_subtype || "").toUpperCase(),
        identifier: c.token,
        expired: c.card_expired === true,
        mask: String(c.masked_pan || ""),
        id: c.token,
        networkToken: Boolean(c.network_token)
      };
    }).filter(function (c) { return typeof c.identifier === "string" && SKIPPED_SUBTYPES.indexOf(c.type) < 0; });
    var type = tokens.length && card ? card.method_type : null;
    return { list: list, showCvv: (type === "moto" && card.use_cvc_with_moto === true) || type === "online" };
  }

  Pixel.prototype._showSavedCards = function () {
    var self = this;
    this._view = "saved";
    this._dropCardForm();
    this._selected = null;
    this._cvv = "";
    this._cvvFrame = null;
    this._views.innerHTML = "";
    this._views.appendChild(el("p", { class: "paymob-emu-label", id: this._id + "-saved" }, this._text("labelText", "savedCardsLabel", "Saved cards")));
    var list = el("div", { role: "radiogroup", "aria-labelledby": this._id + "-saved", class: "paymob-emu-saved-list" });
    this._rows = {};
    this._savedCards.forEach(function (card) {
      var row = el("div", { class: "paymob-emu-saved" });
      var pick = el("button", { type: "button", role: "radio", "aria-checked": "false", class: "paymob-emu-saved-pick" });
      pick.appendChild(el("span", { class: "paymob-emu-brand" }, card.type || "CARD"));
      pick.appendChild(document.createTextNode(" " + self._text("labelText", "cardEndingLabel", "Card Ending with") + " " + card.mask.slice(-4)));
      if (card.expired) {
        pick.disabled = true;
        pick.appendChild(el("span", { class: "paymob-emu-expired" }, " Expired"));
      }
      pick.addEventListener("click", function () { self._selectCard(card); });
      row.appendChild(pick);
      list.appendChild(row);
      self._rows[card.id] = { row: row, pick: pick };
    });
    this._views.appendChild(list);
    var add = el("button", { type: "button", class: "paymob-emu-add" }, this._text("buttonText", "addNewCardBtn", "New card"));
    add.addEventListener("click", function () { if (!self._loading) self._showCardForm(); });
    this._views.appendChild(add);
    this._savedValidity();
  };

  /** Picking a card again unpicks it; either way the CVV starts empty (Pixel's handleSelectCard). */
  Pixel.prototype._selectCard = function (card) {
    if (this._loading || (card && card.expired)) return;
    var rows = this._rows || {};
    if (this._cvvFrame) this._cvvFrame.parentNode.removeChild(this._cvvFrame);
    this._cvvFrame = null;
    this._cvv = "";
    this._selected = card && this._selected && this._selected.id === card.id ? null : card;
    var selected = this._selected;
    Object.keys(rows).forEach(function (id) {
      rows[id].pick.setAttribute("aria-checked", selected && selected.id === id ? "true" : "false");
      rows[id].row.classList.toggle("paymob-emu-selected", Boolean(selected && selected.id === id));
    });
    if (selected && this._cvvRequired()) {
      var frame = el("iframe", { class: "paymob-emu-cvv", title: "Elements", src: BASE + "/iframe-card/?type=cvv" });
      frame.addEventListener("load", function () {
        if (frame.contentWindow) frame.contentWindow.postMessage({ type: "cardInfo", payload: { card: selected } }, ORIGIN);
      });
      rows[selected.id].row.appendChild(frame);
      this._cvvFrame = frame;
    }
    this._savedValidity();
  };

  Pixel.prototype._cvvRequired = function () {
    return this._showCvv && !(this._selected && this._selected.networkToken);
  };

  /** Pixel's shouldDisablePayBtn, the other way round: a picked card, and its CVV when one is asked for. */
  Pixel.prototype._savedReady = function () {
    if (!this._selected) return false;
    if (!this._cvvRequired()) return true;
    return this._cvv.length === (this._selected.type === "AMEX" ? 4 : 3);
  };

  Pixel.prototype._savedValidity = function () {
    var ready = this._savedReady();
    var o = this._options;
    if (this._validReported !== ready && typeof o.cardValidationChanged === "function") {
      this._validReported = ready;
      o.cardValidationChanged(ready);
    }
    this._setLoading(this._loading);
  };

  Pixel.prototype._paySaved = function () {
    var self = this;
    var o = this._options;
    var card = this._selected;
    if (this._loading || !this._token || !this._savedReady()) return;
    this._error.textContent = "";
    this._setLoading(true);
    Promise.resolve(o.beforePaymentComplete ? o.beforePaymentComplete("card") : true).then(function (proceed) {
      if (proceed === false) {
        self._setLoading(false);
        return self._selectCard(null);
      }
      var body = {
        source: { identifier: card.identifier, subtype: "TOKEN", cvn: self._cvv || undefined, unified_checkout: "False" },
        payment_token: self._token,
        unified_checkout: "False",
        api_source: "PIXEL"
      };
      return fetch(BASE + "/api/acceptance/payments/pay", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body)
      }).then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) { return { status: res.status, data: data }; });
      }).catch(function () {
        return { status: 0, data: {} };
      }).then(function (res) {
        var target = res.data && res.data.redirection_url;
        // Still busy while the page leaves: a second click must not pay twice.
        if (res.status === 200 && target) {
          window.location.href = target;
          return;
        }
        self._setLoading(false);
        self._error.textContent = self._message(res);
      });
    }, function () {
      self._setLoading(false);
    });
  };
`;
