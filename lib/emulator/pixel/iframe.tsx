import "server-only";
import { html, type EmuContext } from "../http";
import { CardFields } from "../pages/card-fields";
import { renderDocument } from "../pages/layout";
import { CVV_IFRAME_SCRIPT, IFRAME_SCRIPT } from "./iframe-script";

// GET /iframe-card-v2/ (and /iframe-card/, which Pixel prefetches): the card frame Paymob's Pixel embeds from its
// checkout front-end host, and the emulator's own Pixel too. Card data never touch the merchant page. The page
// is the same for every payment: the payment token arrives by postMessage (iframe-script.ts).

const STYLES = `:root{--font:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
*{box-sizing:border-box}body{margin:0;font-family:var(--font);color:#10201c;background:transparent}
form{padding:2px}label{display:block;font-weight:600;font-size:.9rem;margin:.6rem 0 .2rem}
input[type=text],input[type=password]{width:100%;padding:.55rem .65rem;border:1px solid #9fb3ad;border-radius:8px;font:inherit}
input[aria-invalid=true]{border-color:#b42318}.row{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}
[dir=rtl] input[dir=ltr]{text-align:right}[hidden]{display:none!important}:focus-visible{outline:3px solid #2563eb;outline-offset:1px}
.hint{font-size:.8rem;color:#4b5d58;margin:.5rem 0 0}`;

/**
 * The frame is meant to sit inside any merchant's page, as Paymob's does (isEmbeddableEverywhere in
 * lib/security-headers.ts). `?type=cvv` is the CVV-only frame Pixel shows next to a selected saved card.
 */
export function iframeCard(ctx: EmuContext): Response {
  if (ctx.url.searchParams.get("type") === "cvv") return cvvFrame();
  const markup = (
    // English until Pixel's customStyles message says otherwise (iframe-script.ts sets lang and dir then).
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>Card details (test emulator)</title>
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <form id="card-form" noValidate aria-label="Card details">
          <CardFields />
          <p className="hint">Test emulator · e.g. 5123 4567 8901 2346, 01/39, CVV 123</p>
        </form>
        <script dangerouslySetInnerHTML={{ __html: IFRAME_SCRIPT }} />
      </body>
    </html>
  );
  return html(200, renderDocument(markup));
}

function cvvFrame(): Response {
  const markup = (
    <html lang="en">
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <title>CVV (test emulator)</title>
        <style dangerouslySetInnerHTML={{ __html: STYLES }} />
      </head>
      <body>
        <form id="cvv-form" noValidate aria-label="Security code">
          <label htmlFor="cvv">CVV</label>
          <input type="password" id="cvv" name="cvv" inputMode="numeric" autoComplete="cc-csc" maxLength={4} />
        </form>
        <script dangerouslySetInnerHTML={{ __html: CVV_IFRAME_SCRIPT }} />
      </body>
    </html>
  );
  return html(200, renderDocument(markup));
}
