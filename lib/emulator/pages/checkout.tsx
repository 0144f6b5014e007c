import type { EmuIntention } from "../db/schema";
import { formatMoney } from "@/lib/money";
import { TEST_CARD_CVV, TEST_CARD_EXPIRY, TEST_CARD_HOLDER, TEST_CARDS, TEST_WALLET } from "../cards";
import type { IntentionItem, SavedCard, StoredPaymentMethod } from "../intention-shapes";
import { MERCHANT } from "../settings";
import { CardFields, CvvField } from "./card-fields";
import { layout } from "./layout";

// The hosted Unified Checkout page. Plain forms POSTing to the emulator: works with JavaScript disabled.

export type CheckoutFormState = { error?: string; values?: Record<string, string> };

export function TestCardsTable() {
  // Card numbers never wrap; on a very narrow screen the table scrolls inside its box, never the page.
  return (
    // A scrolling box must be reachable by keyboard (it is, on screens narrower than a phone's 390 px).
    <div className="table-scroll cards" tabIndex={0} role="region" aria-label="Test cards">
      <table>
        <caption className="muted" style={{ textAlign: "left" }}>
          Holder <code>{TEST_CARD_HOLDER}</code>, expiry <code>{TEST_CARD_EXPIRY}</code>, CVV{" "}
          <code>{TEST_CARD_CVV}</code> (any future expiry and any CVV work).
        </caption>
        <thead>
          <tr>
            <th scope="col">Card number</th>
            <th scope="col">Brand</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {TEST_CARDS.map((c) => (
            <tr key={c.number}>
              <td>
                <code>{c.number}</code>
              </td>
              <td>{c.brand}</td>
              <td>
                {c.description}
                {c.paymob ? null : (
                  <>
                    {" "}
                    <span className="muted">(emulator only)</span>
                  </>
                )}
              </td>
            </tr>
          ))}
          <tr>
            <td>
              <code>{TEST_WALLET.number}</code>
            </td>
            <td>Wallet</td>
            <td>
              Mobile wallet: MPIN <code>{TEST_WALLET.mpin}</code>, OTP <code>{TEST_WALLET.otp}</code> approves
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

export function checkoutPage(
  base: string,
  publicKey: string,
  intention: EmuIntention,
  state: CheckoutFormState = {},
  savedCards: SavedCard[] = [],
): string {
  const methods = (intention.paymentMethods as StoredPaymentMethod[]).map((m) => m.name);
  const items = intention.items as IntentionItem[];
  const total = formatMoney(intention.amountCents, intention.currency);
  const v = state.values ?? {};
  const action = `${base}/unifiedcheckout/pay`;
  const body = (
    <>
      <div className="card">
        <p className="muted">Pay {MERCHANT.company_name}</p>
        <div className="amount" aria-label="Amount to pay">
          {total}
        </div>
        {items.length > 0 && (
          <table aria-label="Order items">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i, index) => (
                <tr key={index}>
                  <td>{i.name}</td>
                  <td className="num">{i.quantity}</td>
                  <td className="num">{formatMoney(i.amount, intention.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {intention.specialReference && (
          <p className="muted">
            Reference <code>{intention.specialReference}</code>
          </p>
        )}
      </div>
      {state.error && (
        <div className="alert" role="alert" id="form-error">
          {state.error}
        </div>
      )}
      {methods.includes("card") && savedCards.length > 0 && (
        <form className="card" method="post" action={action} aria-labelledby="saved-title" noValidate>
          <h2 id="saved-title">Pay with a saved card</h2>
          <Hidden publicKey={publicKey} clientSecret={intention.clientSecret} method="saved_card" />
          <fieldset>
            <legend>Saved cards</legend>
            {savedCards.map((c, index) => (
              <label className="check" key={c.token}>
                <input
                  type="radio"
                  name="card_token"
                  value={c.token}
                  defaultChecked={v.card_token ? v.card_token === c.token : index === 0}
                />{" "}
                {c.card_subtype} {c.masked_pan}
              </label>
            ))}
          </fieldset>
          <CvvField id="saved_cvv" required />
          <button type="submit">Pay {total} with saved card</button>
        </form>
      )}
      {methods.includes("card") && (
        <form className="card" method="post" action={action} aria-labelledby="card-title" noValidate>
          <h2 id="card-title">Pay by card</h2>
          <Hidden publicKey={publicKey} clientSecret={intention.clientSecret} method="card" />
          <CardFields values={v} required />
          <label className="check">
            <input type="checkbox" name="save_card" value="1" defaultChecked={Boolean(v.save_card)} /> Save card for
            future payments
          </label>
          <button type="submit">Pay {total}</button>
        </form>
      )}
      {methods.includes("wallet") && (
        <form className="card" method="post" action={action} aria-labelledby="wallet-title" noValidate>
          <h2 id="wallet-title">Pay with a mobile wallet</h2>
          <Hidden publicKey={publicKey} clientSecret={intention.clientSecret} method="wallet" />
          <label htmlFor="wallet_number">Wallet phone number</label>
          <input
            type="tel"
            id="wallet_number"
            name="wallet_number"
            autoComplete="tel"
            required
            defaultValue={v.wallet_number ?? ""}
            placeholder={TEST_WALLET.number}
          />
          <button type="submit">Continue with wallet</button>
        </form>
      )}
      <section className="card" aria-labelledby="cards-title">
        <h2 id="cards-title">Test cards</h2>
        <TestCardsTable />
      </section>
      <p className="muted">
        <a href={`${base}/_emulator/deliveries`}>Callback delivery log</a>
      </p>
    </>
  );
  return layout(`Pay ${total}`, body);
}
