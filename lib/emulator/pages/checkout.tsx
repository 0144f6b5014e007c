import type { EmuIntention } from "../db/schema";
import { formatMoney } from "@/lib/money";
import { TEST_CARD_CVV, TEST_CARD_EXPIRY, TEST_CARD_HOLDER, TEST_CARDS, TEST_WALLET } from "../cards";
import type { IntentionItem, SavedCard, StoredPaymentMethod } from "../intention-shapes";
import { MERCHANT } from "../settings";
import type { EmuLanguage } from "../language";
import { CardFields, CvvField } from "./card-fields";
import { layout } from "./layout";
import { CARD_OUTCOMES_AR, STRINGS, translatedError } from "./strings";

// The hosted Unified Checkout page. Plain forms POSTing to the emulator: works with JavaScript disabled.

export type CheckoutFormState = { error?: string; values?: Record<string, string> };

export function TestCardsTable({ language = "en" }: { language?: EmuLanguage }) {
  const t = STRINGS[language];
  const [holder, expiry, cvv, rest] = t.testCardsCaption(TEST_CARD_HOLDER, TEST_CARD_EXPIRY, TEST_CARD_CVV);
  const [walletMpin, walletOtp, walletRest] = t.walletRow(TEST_WALLET.mpin, TEST_WALLET.otp);
  // Card numbers never wrap; on a very narrow screen the table scrolls inside its box, never the page.
  return (
    // A scrolling box must be reachable by keyboard (it is, on screens narrower than a phone's 390 px).
    <div className="table-scroll cards" tabIndex={0} role="region" aria-label={t.testCards}>
      <table>
        <caption className="muted">
          {holder}
          <code>{TEST_CARD_HOLDER}</code>
          {expiry}
          <code>{TEST_CARD_EXPIRY}</code>
          {cvv}
          <code>{TEST_CARD_CVV}</code>
          {rest}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.cardNumber}</th>
            <th scope="col">{t.brand}</th>
            <th scope="col">{t.whatHappens}</th>
          </tr>
        </thead>
        <tbody>
          {TEST_CARDS.map((c) => (
            <tr key={c.number}>
              <td>
                <code dir="ltr">{c.number}</code>
              </td>
              <td>{c.brand}</td>
              <td>
                {(language === "ar" && CARD_OUTCOMES_AR[c.number]) || c.description}
                {c.paymob ? null : (
                  <>
                    {" "}
                    <span className="muted">{t.emulatorOnly}</span>
                  </>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <code dir="ltr">{TEST_WALLET.number}</code>
            </td>
            <td>{t.wallet}</td>
            <td>
              {walletMpin}
              <code>{TEST_WALLET.mpin}</code>
              {walletOtp}
              <code>{TEST_WALLET.otp}</code>
              {walletRest}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function Hidden({
  publicKey,
  clientSecret,
  method,
}: {
  publicKey: string;
  clientSecret: string;
  method: "card" | "wallet" | "saved_card";
}) {
  return (
    <>
      <input type="hidden" name="publicKey" value={publicKey} />
      <input type="hidden" name="clientSecret" value={clientSecret} />
      <input type="hidden" name="method" value={method} />
    </>
  );
}

/** The page's language, and the address to come back to after switching it (the page's own URL). */
export type CheckoutView = { language: EmuLanguage; back?: string };

export function checkoutPage(
  base: string,
  publicKey: string,
  intention: EmuIntention,
  state: CheckoutFormState = {},
  savedCards: SavedCard[] = [],
  view: CheckoutView = { language: "en" },
): string {
  const { language } = view;
  const t = STRINGS[language];
  const methods = (intention.paymentMethods as StoredPaymentMethod[]).map((m) => m.name);
  const items = intention.items as IntentionItem[];
  const total = formatMoney(intention.amountCents, intention.currency);
  const v = state.values ?? {};
  const action = `${base}/unifiedcheckout/pay`;
  const body = (
    <>
      <div className="card">
        <p className="muted">{t.payMerchant(MERCHANT.company_name)}</p>
        <div className="amount" aria-label={t.amountToPay}>
          {total}
        </div>
        {items.length > 0 && (
          <table aria-label={t.orderItems}>
            <thead>
              <tr>
                <th scope="col">{t.item}</th>
                <th scope="col" className="num">
                  {t.qty}
                </th>
                <th scope="col" className="num">
                  {t.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i, index) => (
                <tr key={index}>
                  <td>{i.name}</td>
                  <td className="num">{i.quantity}</td>
                  <td className="num">
                    <bdi>{formatMoney(i.amount, intention.currency)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {intention.specialReference && (
          <p className="muted">
            {t.reference} <code dir="ltr">{intention.specialReference}</code>
          </p>
        )}
      </div>
      {state.error && (
        <div className="alert" role="alert" id="form-error">
          {translatedError(language, state.error)}
        </div>
      )}
      {methods.includes("card") && savedCards.length > 0 && (
        <form className="card" method="post" action={action} aria-labelledby="saved-title" noValidate>
          <h2 id="saved-title">{t.savedTitle}</h2>
          <Hidden publicKey={publicKey} clientSecret={intention.clientSecret} method="saved_card" />
          <fieldset>
            <legend>{t.savedCards}</legend>
            {savedCards.map((c, index) => (
              <label className="check" key={c.token}>
                <input
                  type="radio"
                  name="card_token"
                  value={c.token}
                  defaultChecked={v.card_token ? v.card_token === c.token : index === 0}
                />{" "}
                {c.card_subtype} <bdi>{c.masked_pan}</bdi>
              </label>
            ))}
          </fieldset>
          <CvvField id="saved_cvv" required language={language} />
          <button type="submit">{t.paySaved(total)}</button>
        </form>
      )}
      {methods.includes("card") && (
        <form className="card" method="post" action={action} aria-labelledby="card-title" noValidate>
          <h2 id="card-title">{t.cardTitle}</h2>
          <Hidden publicKey={publicKey} clientSecret={intention.clientSecret} method="card" />
          <CardFields values={v} required language={language} />
          <label className="check">
            <input type="checkbox" name="save_card" value="1" defaultChecked={Boolean(v.save_card)} /> {t.saveCard}
          </label>
          <button type="submit">{t.pay(total)}</button>
        </form>
      )}
      {methods.includes("wallet") && (
        <form className="card" method="post" action={action} aria-labelledby="wallet-title" noValidate>
          <h2 id="wallet-title">{t.walletTitle}</h2>
          <Hidden publicKey={publicKey} clientSecret={intention.clientSecret} method="wallet" />
          <label htmlFor="wallet_number">{t.walletNumber}</label>
          <input
            type="tel"
            dir="ltr"
            id="wallet_number"
            name="wallet_number"
            autoComplete="tel"
            required
            defaultValue={v.wallet_number ?? ""}
            placeholder={TEST_WALLET.number}
          />
          <button type="submit">{t.walletContinue}</button>
        </form>
      )}
      <section className="card" aria-labelledby="cards-title">
        <h2 id="cards-title">{t.testCards}</h2>
        <TestCardsTable language={language} />
      </section>
      <p className="muted">
        <a href={`${base}/_emulator/deliveries`}>{t.deliveryLog}</a>
      </p>
    </>
  );
  const languageSwitch = view.back ? { action: `${base}/_emulator/language`, back: view.back } : undefined;
  return layout(t.payTitle(total), body, { language, languageSwitch });
}
