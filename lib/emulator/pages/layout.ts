import { html } from "../http";

// Server-rendered HTML for the emulator's pages: no framework, no JavaScript needed, one small stylesheet.
// Every page carries the TEST EMULATOR banner so nobody mistakes it for Paymob.

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const esc = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Tagged template that escapes every interpolation except nested `raw(...)` fragments. */
export type Raw = { __html: string };
export const raw = (markup: string): Raw => ({ __html: markup });
export function h(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((v) => (v && typeof v === "object" && "__html" in v ? (v as Raw).__html : esc(v))).join("");
    out += strings[i + 1] ?? "";
  });
  return raw(out);
}

const STYLES = `
:root{color-scheme:light;--ink:#10201c;--muted:#4b5d58;--line:#d5dfdc;--bg:#f4f7f6;--card:#fff;--brand:#0f766e;--brand-ink:#fff;--bad:#b42318;--warn:#8a4b00;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);line-height:1.5}
.banner{background:#fde68a;color:#3b2a00;text-align:center;font-weight:700;letter-spacing:.08em;padding:.5rem 1rem;border-bottom:2px solid #b45309}
.banner small{display:block;font-weight:500;letter-spacing:0}
main{max-width:46rem;margin:2rem auto;padding:0 1rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.25rem 1.5rem;margin-bottom:1.25rem}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:0 0 .75rem}
.amount{font-size:2rem;font-weight:700;font-variant-numeric:tabular-nums}
.muted{color:var(--muted)}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:.4rem .3rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=tel],input[type=password]{width:100%;padding:.6rem .7rem;border:1px solid #9fb3ad;border-radius:8px;font:inherit}
.row{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.check{display:flex;gap:.5rem;align-items:center;font-weight:500;margin-top:.9rem}
button{margin-top:1rem;background:var(--brand);color:var(--brand-ink);border:0;border-radius:8px;padding:.7rem 1.2rem;font:inherit;font-weight:700;cursor:pointer}
button.secondary{background:#fff;color:var(--ink);border:1px solid #9fb3ad}
button.small{margin:0;padding:.3rem .7rem;font-weight:600}
:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.alert{border:1px solid var(--bad);background:#fef3f2;color:var(--bad);border-radius:8px;padding:.7rem 1rem;margin-bottom:1rem}
.ok{color:#05603a}.bad{color:var(--bad)}.warn{color:var(--warn)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.92em;background:#eef3f1;padding:.05rem .3rem;border-radius:4px}
footer{font-size:.9rem;color:var(--muted);text-align:center;margin:2rem 0}
a{color:#0b5c56}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
`;

export function layout(title: string, body: Raw, options: { wide?: boolean } = {}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(title)} · Paymob test emulator</title><style>${STYLES}${options.wide ? "main{max-width:72rem}" : ""}</style></head>
<body><div class="banner" role="note">TEST EMULATOR<small>A local stand-in for Paymob. No real card is charged and no money moves.</small></div>
<main>${body.__html}</main>
<footer>Paymob test emulator · this page is not Paymob</footer></body></html>`;
}

export const page = (status: number, title: string, body: Raw, options?: { wide?: boolean }) => html(status, layout(title, body, options));

/** A one-message page (errors, "already paid", …). */
export const messagePage = (status: number, title: string, message: string) => page(status, title, h`<div class="card"><h1>${title}</h1><p>${message}</p></div>`);
