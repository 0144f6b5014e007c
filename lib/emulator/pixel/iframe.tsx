import "server-only";
import { formatMoney } from "@/lib/money";
import { html, type EmuContext } from "../http";
import { paymentKeyFor, type StoredPaymentMethod } from "../intention-shapes";
import { CardFields } from "../pages/card-fields";
import { renderDocument } from "../pages/layout";
import { intentionByClientSecret } from "../repo";
import { IFRAME_SCRIPT } from "./iframe-script";
import { publicKeyOpens } from "../settings";

// GET /pixel/iframe-card/ — the card form Pixel embeds. Card data never touch the merchant page.

const STYLES = `:root{--font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;--label-size:.9rem;--input-size:1rem;--brand:#0f766e;--line:#9fb3ad;--radius:8px}
*{box-sizing:border-box}body{margin:0;font-family:var(--font);color:#10201c;background:transparent}
form{padding:2px}label{display:block;font-weight:600;font-size:var(--label-size);margin:.6rem 0 .2rem}
input[type=text],input[type=password]{width:100%;padding:.55rem .65rem;border:1px solid var(--line);border-radius:var(--radius);font:inherit;font-size:var(--input-size)}
input[aria-invalid=true]{border-color:#b42318}.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
.check{display:flex;gap:.5rem;align-items:center;font-weight:500}.error{color:#b42318;min-height:1.2rem;margin:.4rem 0 0;font-size:.9rem}
:focus-visible{outline:3px solid #2563eb;outline-offset:1px}.hint{font-size:.8rem;color:#4b5d58;margin:.5rem 0 0}`;

/** A page origin like "https://shop.example" (no path); anything else is refused. */
function originOf(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value ? url.origin : null;
  } catch {
    return null;
  }
}

export async function iframeCard(ctx: EmuContext): Promise<Response> {
  const q = ctx.url.searchParams;
  const parentOrigin = originOf(q.get("parentOrigin"));
  const clientSecret = q.get("clientSecret");
  const intention =
    clientSecret && publicKeyOpens(q.get("publicKey"), clientSecret)
      ? await intentionByClientSecret(ctx.db, clientSecret)
      : undefined;
  const card = (intention?.paymentMethods as StoredPaymentMethod[] | undefined)?.find((m) => m.name === "card");
  if (!parentOrigin || !intention || !card) {
    return html(
      404,
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Card form</title><body><p role="alert" style="font-family:system-ui;color:#b42318">Something went wrong while retrieving payment data.</p></body></html>`,
    );
  }
  const forceSave = q.get("forceSaveCard") === "1";
  const showSave = forceSave || q.get("showSaveCard") === "1";
  const config = {
    parentOrigin,
    clientSecret: intention.clientSecret,
    paymentToken: paymentKeyFor(intention, card.integration_id),
    payUrl: `${ctx.base}/api/acceptance/payments/pay`,
    forceSaveCard: forceSave,
    amountLabel: formatMoney(intention.amountCents, intention.currency),
  };
  // JSON inside <script type=application/json>: escape "<" so no value can close the tag.
  const configJson = JSON.stringify(config).replace(/</g, "\\u003c");
  const hideName = q.get("hideCardHolderName") === "1";
  const markup = (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>Card payment form (test emulator)</title>
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <form id="card-form" noValidate aria-describedby="card-error">
          <CardFields withName={!hideName} />
          {showSave && (
            <label className="check">
              <input type="checkbox" name="save_card" value="1" defaultChecked={forceSave} disabled={forceSave} /> Save
              card for future payments
            </label>
          )}
          <p className="error" id="card-error" role="alert"></p>
          <p className="hint">Test emulator · e.g. 5123 4567 8901 2346, 01/39, CVV 123</p>
          <button type="submit" hidden>
            Pay
          </button>
        </form>
        <script type="application/json" id="pixel-config" dangerouslySetInnerHTML={{ __html: configJson }} />
        <script dangerouslySetInnerHTML={{ __html: IFRAME_SCRIPT }} />
      </body>
    </html>
  );
  return html(200, renderDocument(markup));
}
