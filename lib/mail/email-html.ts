import { escapeHtml, type EmailWriter } from "./email-translator";

// The HTML around every customer email. Mail clients ignore most CSS and many strip <html>'s attributes (Gmail
// does), so the direction and language are set on <html> and again on the wrapper, with inline styles and an
// explicit text-align rather than the logical properties pages use.

const FONT = "'IBM Plex Sans Arabic', 'Segoe UI', Tahoma, Arial, sans-serif";

export function paragraph(html: string, style = ""): string {
  return `<p style="margin:0 0 16px;${style}">${html}</p>`;
}

/** A link that looks like a button; the URL is ours (APP_URL) but is escaped all the same. */
export function button(url: string, labelHtml: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;background:#0f766e;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">${labelHtml}</a></p>`;
}

/** Rows of label and amount; amounts sit at the line's end whichever way it reads. */
export function amountsTable(rows: readonly { label: string; amount: string; strong?: boolean }[], dir: "ltr" | "rtl") {
  const end = dir === "rtl" ? "left" : "right";
  const start = dir === "rtl" ? "right" : "left";
  const body = rows
    .map((row) => {
      const weight = row.strong ? "font-weight:600;border-top:1px solid #e7e5e4;" : "";
      return `<tr><td style="padding:6px 0;text-align:${start};${weight}">${row.label}</td><td style="padding:6px 0;text-align:${end};white-space:nowrap;${weight}">${row.amount}</td></tr>`;
    })
    .join("");
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px">${body}</table>`;
}

/** A whole HTML email: `blocks` are already-escaped HTML from the helpers above and EmailWriter.html. */
export function emailDocument(writer: EmailWriter, subject: string, blocks: readonly string[]): string {
  const { locale, dir } = writer;
  const align = dir === "rtl" ? "right" : "left";
  return [
    "<!doctype html>",
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f5f5f4">`,
    `<div lang="${locale}" dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;color:#1c1917;font-family:${FONT};font-size:16px;line-height:1.6;text-align:${align}">`,
    ...blocks,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}
