import { gzipSync } from "node:zlib";

export type HtmlWeight = {
  rawBytes: number;
  gzipBytes: number;
  /** The part of the document that is the RSC payload (`self.__next_f.push` scripts), raw. */
  payloadBytes: number;
  /** Stylesheet text inside <style> elements (experimental.inlineCss puts the whole sheet there). */
  inlineCssBytes: number;
  /**
   * How many times the app's stylesheet text is in the document, counting <style> elements and the RSC payload
   * (decoded): 0 when it is linked, 1 when it is inlined once. Next 16's inlineCss writes it three times: the
   * <style>, the payload's copy for the page tree and another for the global-error boundary.
   */
  stylesheetCopies: number;
  /** Size of the stylesheet looked for (0: the page names none, and stylesheetCopies means nothing). */
  stylesheetBytes: number;
};

const PAYLOAD_CHUNK = /self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/g;

/** The RSC payload a page's HTML carries for hydration, decoded from its `self.__next_f.push([1, "…"])` chunks. */
export function rscPayload(html: string): string {
  let text = "";
  for (const match of html.matchAll(PAYLOAD_CHUNK)) {
    const chunk: unknown = JSON.parse(match[1]!);
    if (Array.isArray(chunk) && chunk[0] === 1 && typeof chunk[1] === "string") text += chunk[1];
  }
  return text;
}

const occurrences = (text: string, needle: string) => (needle ? text.split(needle).length - 1 : 0);

/**
 * `stylesheet` is the text of the app's CSS file as served (/_next/static/…css); a 200-character stretch from its
 * middle identifies it wherever it is copied, escaped or not (the payload is decoded first).
 */
export function htmlWeight(html: string, stylesheet: string): HtmlWeight {
  const payloadBytes = [...html.matchAll(PAYLOAD_CHUNK)].reduce((sum, m) => sum + Buffer.byteLength(m[0]), 0);
  const styles = [...html.matchAll(STYLE)].map((m) => m[1]!);
  const middle = Math.floor(stylesheet.length / 2);
  const probe = stylesheet.slice(middle, middle + 200);
  return {
    rawBytes: Buffer.byteLength(html),
    gzipBytes: gzipSync(html, { level: 9 }).length,
    payloadBytes,
    inlineCssBytes: styles.reduce((sum, css) => sum + Buffer.byteLength(css), 0),
    stylesheetCopies: occurrences(styles.join("\n"), probe) + occurrences(rscPayload(html), probe),
    stylesheetBytes: Buffer.byteLength(stylesheet),
  };
}

/** The /_next/static/…css files a page's HTML names (a <link href>, or inlineCss's <style data-href>), once each. */
export function stylesheetPaths(html: string): string[] {
  return [
    ...new Set([...html.matchAll(/["'](\/_next\/static\/[^"'\s]+?\.css)(?:\?[^"'\s]*)?["']/g)].map((m) => m[1]!)),
  ];
}

/** A page's HTML weight, fetched from a running server, against the stylesheets it names. */
export async function fetchHtmlWeight(pageUrl: string, headers: Record<string, string> = {}): Promise<HtmlWeight> {
  const response = await fetch(pageUrl, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`${pageUrl} answered ${response.status}`);
  const html = await response.text();
  const sheets = await Promise.all(
    stylesheetPaths(html).map(async (path) => {
      const asset = await fetch(new URL(path, pageUrl), { signal: AbortSignal.timeout(30_000) });
      if (!asset.ok) throw new Error(`${path} answered ${asset.status}`);
      return asset.text();
    }),
  );
  // The largest sheet is the app's (Tailwind's); others, if any, are per-route modules.
  const main = sheets.sort((a, b) => b.length - a.length)[0] ?? "";
  return htmlWeight(html, main);
}
