import type { EmuIntention, EmuTransaction } from "../db/schema";
import { formatMoney } from "@/lib/money";
import { TEST_WALLET, THREE_DS_OTP } from "../cards";
import { MERCHANT } from "../settings";
import type { EmuLanguage } from "../language";
import { layout } from "./layout";
import { STRINGS } from "./strings";

// The emulated issuer pages: a 3-D Secure ACS page for cards, an MPIN + OTP page for the mobile wallet.
// `language`: the one the customer paid in (the hosted page's, or Pixel's card frame's), carried on the link.
export function challengePage(
  base: string,
  intention: EmuIntention,
  tx: EmuTransaction,
  error?: string,
  language: EmuLanguage = "en",
): string {
  const t = STRINGS[language];
  const wallet = tx.sourceType === "wallet";
  const title = wallet ? t.challengeWallet : t.challengeCard;
  const action = `${base}/acs/${tx.id}/${language === "en" ? "" : `?lang=${language}`}`;
  const body = (
    <>
      <div className="card">
        <p className="muted">{wallet ? t.issuerWallet : t.issuerCard}</p>
        <h1>{title}</h1>
        <p>
          {MERCHANT.company_name} ·{" "}
          <strong>
            <bdi>{formatMoney(tx.amountCents, tx.currency)}</bdi>
          </strong>{" "}
          ·{" "}
          {wallet ? (
            <>
              {language === "en" ? "wallet" : t.wallet} <bdi>{tx.sourcePan}</bdi>
            </>
          ) : (
            <bdi>{`${tx.sourceSubType} ${tx.cardNum ?? ""}`}</bdi>
          )}
        </p>
        {error && (
          <div className="alert" role="alert">
            {error}
          </div>
        )}
        <form method="post" action={action}>
          <input type="hidden" name="token" value={tx.acsToken ?? ""} />
          {wallet && (
            <>
              <label htmlFor="mpin">{t.walletMpin}</label>
              <input type="password" dir="ltr" id="mpin" name="mpin" inputMode="numeric" autoComplete="off" required />
            </>
          )}
          <label htmlFor="otp">{t.otp}</label>
          <input type="text" dir="ltr" id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" required />
          <p className="muted">
            {t.testValues(wallet ? `MPIN ${TEST_WALLET.mpin}, OTP ${TEST_WALLET.otp}` : `OTP ${THREE_DS_OTP}`)}{" "}
            {t.testValuesRest}
          </p>
          <button type="submit">{t.confirm}</button>{" "}
          <button type="submit" name="cancel" value="1" className="secondary" formNoValidate>
            {t.cancel}
          </button>
        </form>
      </div>
      <p className="muted">{t.order(intention.orderId)}</p>
    </>
  );
  return layout(title, body, { language });
}
