import type { EmuIntention, EmuTransaction } from "../db/schema";
import { formatMoney } from "@/lib/money";
import { TEST_WALLET, THREE_DS_OTP } from "../cards";
import { MERCHANT } from "../settings";
import { layout } from "./layout";

// The emulated issuer pages: a 3-D Secure ACS page for cards, an MPIN + OTP page for the mobile wallet.
export function challengePage(base: string, intention: EmuIntention, tx: EmuTransaction, error?: string): string {
  const wallet = tx.sourceType === "wallet";
  const title = wallet ? "Confirm your wallet payment" : "3-D Secure verification";
  const body = (
    <>
      <div className="card">
        <p className="muted">{wallet ? "Emulated mobile wallet" : "Emulated card issuer (ACS)"}</p>
        <h1>{title}</h1>
        <p>
          {MERCHANT.company_name} · <strong>{formatMoney(tx.amountCents, tx.currency)}</strong> ·{" "}
          {wallet ? `wallet ${tx.sourcePan}` : `${tx.sourceSubType} ${tx.cardNum ?? ""}`}
        </p>
        {error && (
          <div className="alert" role="alert">
            {error}
          </div>
        )}
        <form method="post" action={`${base}/acs/${tx.id}/`}>
          <input type="hidden" name="token" value={tx.acsToken ?? ""} />
          {wallet && (
            <>
              <label htmlFor="mpin">Wallet MPIN</label>
              <input type="password" id="mpin" name="mpin" inputMode="numeric" autoComplete="off" required />
            </>
          )}
          <label htmlFor="otp">One-time password</label>
          <input type="text" id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" required />
          <p className="muted">
            Test values: {wallet ? `MPIN ${TEST_WALLET.mpin}, OTP ${TEST_WALLET.otp}` : `OTP ${THREE_DS_OTP}`}. Anything
            else declines the payment.
          </p>
          <button type="submit">Confirm</button>{" "}
          <button type="submit" name="cancel" value="1" className="secondary" formNoValidate>
            Cancel payment
          </button>
        </form>
      </div>
      <p className="muted">Order {intention.orderId}</p>
    </>
  );
  return layout(title, body);
}
