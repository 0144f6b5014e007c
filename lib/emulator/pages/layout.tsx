import type { ReactNode } from "react";
// The edge build: Next refuses `react-dom/server` in route handlers (they run in the React Server Components
// layer), and this one renders to a string all the same.
import { renderToStaticMarkup } from "react-dom/server.edge";
import { html } from "../http";
import { directionOf, type EmuLanguage } from "../language";
import { STRINGS } from "./strings";

// Server-rendered HTML for the emulator's pages: React components rendered to static markup (React escapes every
// value), no JavaScript needed, one small stylesheet. Every page carries the TEST EMULATOR banner so nobody
// mistakes it for Paymob. The inline styles and scripts carry no nonce: proxy.ts sends no nonce for this mount.

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
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}th,td{text-align:start;padding:.4rem .3rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:end}caption{text-align:start}
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
.row>*{min-width:0}code,pre{overflow-wrap:anywhere}pre{white-space:pre-wrap}td code{white-space:nowrap;overflow-wrap:normal}
.table-scroll{overflow-x:auto}
[dir=rtl] input[dir=ltr]{text-align:right}
.lang-switch{display:flex;justify-content:flex-end;margin:0 0 .75rem}.lang-switch button{margin:0}
@media (max-width:30rem){main{margin:1rem auto;padding:0 .75rem}.card{padding:1rem}.amount{font-size:1.6rem}.cards{font-size:.85rem}.cards :is(td,th){padding:.4rem .2rem}.cards code{padding:0 .15rem}}
`;

// The banner's amber with a "T" for test: tells the emulator's tabs apart from the store's, and spares the
// browser a request for /favicon.ico, which the app does not serve.
const FAVICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#fde68a" stroke="#b45309" stroke-width="3"/><path d="M9 10h14M16 10v14" stroke="#3b2a00" stroke-width="4" stroke-linecap="round"/></svg>',
)}`;

/** A whole HTML document from a React element: React renders no doctype itself. */
export const renderDocument = (document: ReactNode) => `<!doctype html>\n${renderToStaticMarkup(document)}`;

/** Where the page's language switch posts, and the page to come back to (the emulator's own /_emulator/language). */
type LanguageSwitch = { action: string; back: string };

type LayoutOptions = { wide?: boolean; language?: EmuLanguage; languageSwitch?: LanguageSwitch };

function Layout({
  title,
  wide,
  language = "en",
  languageSwitch,
  children,
}: LayoutOptions & { title: string; children: ReactNode }) {
  const t = STRINGS[language];
  return (
    <html lang={language} dir={directionOf(language)}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a whole document rendered to a string, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · ${t.titleSuffix}`}</title>
        <link rel="icon" type="image/svg+xml" href={FAVICON} />
        <style dangerouslySetInnerHTML={{ __html: `${STYLES}${wide ? "main{max-width:72rem}" : ""}` }} />
      </head>
      <body>
        <div className="banner" role="note">
          {t.bannerTitle}
          <small>{t.bannerText}</small>
        </div>
        <main>
          {languageSwitch && <LanguageSwitchForm language={language} {...languageSwitch} />}
          {children}
        </main>
        <footer>{t.footer}</footer>
      </body>
    </html>
  );
}

/** The other language, one button away; a plain form, so it works without JavaScript like the rest of the page. */
function LanguageSwitchForm({ language, action, back }: LanguageSwitch & { language: EmuLanguage }) {
  const other: EmuLanguage = language === "ar" ? "en" : "ar";
  return (
    <form className="lang-switch" method="post" action={action} aria-label={STRINGS[language].languageSwitch}>
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" className="secondary small" lang={other}>
        {STRINGS[language].switchTo}
      </button>
    </form>
  );
}

export function layout(title: string, body: ReactNode, options: LayoutOptions = {}): string {
  return renderDocument(
    <Layout title={title} {...options}>
      {body}
    </Layout>,
  );
}

export const page = (status: number, title: string, body: ReactNode, options?: LayoutOptions) =>
  html(status, layout(title, body, options));

/** A one-message page (errors, "already paid", …), in the customer's language. */
export const messagePage = (status: number, title: string, message: string, language: EmuLanguage = "en") =>
  page(
    status,
    title,
    <div className="card">
      <h1>{title}</h1>
      <p>{message}</p>
    </div>,
    { language },
  );
