import { pixelCustomStyle } from "@/lib/paymob/pixel-style";
import type { EmuLanguage } from "../language";
import { layout } from "./layout";
import { publicKeyOf } from "../settings";

// GET /_emulator/pixel-demo?clientSecret=… — a merchant-like page that embeds the Pixel script, for trying it
// by hand and for the e2e smoke test. It constructs Pixel twice on purpose (as React StrictMode would).
// `&lang=ar` makes it an Arabic merchant page: Pixel gets the customStyle the store gives its Arabic pages.
export function pixelDemoPage(
  base: string,
  clientSecret: string,
  disablePay: boolean,
  language: EmuLanguage = "en",
): string {
  const options = {
    publicKey: publicKeyOf(clientSecret),
    clientSecret,
    paymentMethods: ["card"],
    elementId: "pixel-container",
    disablePay,
    showSaveCard: true,
    ...(language === "en" ? {} : { customStyle: pixelCustomStyle(language) }),
  };
  const script = `
const log = (line) => { document.getElementById("events").textContent += line + "\\n"; };
const options = Object.assign(${JSON.stringify(options).replace(/</g, "\\u003c")}, {
  cardValidationChanged: (valid) => log("cardValidationChanged " + valid),
  beforePaymentComplete: async (method) => { log("beforePaymentComplete " + method); return document.getElementById("abort").checked ? false : true; },
  afterPaymentComplete: (res) => { document.getElementById("result").textContent = JSON.stringify(res, null, 2); log("afterPaymentComplete " + res.data.success); },
});
new Pixel(options);
new Pixel(options); // StrictMode-style second construction: must not render a second form
document.getElementById("outside")?.addEventListener("click", () => window.dispatchEvent(new Event("payFromOutside")));`;
  return layout(
    "Pixel demo",
    <>
      <h1>Pixel demo</h1>
      <p className="muted">A merchant page embedding the emulator&apos;s Pixel-compatible script.</p>
      <div className="card">
        <div id="pixel-container"></div>
        {disablePay && (
          <button type="button" id="outside">
            Pay (merchant button)
          </button>
        )}
        <label className="check">
          <input type="checkbox" id="abort" /> beforePaymentComplete returns false
        </label>
      </div>
      <div className="card">
        <h2>Events</h2>
        <pre id="events" aria-live="polite"></pre>
        <h2>afterPaymentComplete(res)</h2>
        <pre id="result" aria-live="polite"></pre>
      </div>
      <link rel="stylesheet" href={`${base}/pixel/main.css`} />
      {/* eslint-disable-next-line @next/next/no-sync-scripts -- static markup, not a Next page: a merchant page loads Pixel like this */}
      <script src={`${base}/pixel/main.js`}></script>
      <script type="module" dangerouslySetInnerHTML={{ __html: script }} />
    </>,
    { language },
  );
}
