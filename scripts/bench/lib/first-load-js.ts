import { gzipSync } from "node:zlib";

export type FirstLoadJs = { scripts: number; rawBytes: number; gzipBytes: number };

/**
 * The JavaScript a first visit downloads: every /_next/static/**.js the HTML references (script src and
 * preloads), each fetched once and gzip-compressed here (level 9, what a CDN serves), summed. Next 16 no
 * longer prints this in `next build`.
 */
export async function firstLoadJs(pageUrl: string, headers: Record<string, string> = {}): Promise<FirstLoadJs> {
  const response = await fetch(pageUrl, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  if (response.status !== 200) throw new Error(`${pageUrl} answered ${response.status}`);
  const paths = staticScriptPaths(await response.text());
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const path of paths) {
    const asset = await fetch(new URL(path, pageUrl), { signal: AbortSignal.timeout(30_000) });
    if (!asset.ok) throw new Error(`${path} answered ${asset.status}`);
    const bytes = Buffer.from(await asset.arrayBuffer());
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: paths.size, rawBytes, gzipBytes };
}

/** Each /_next/static/**.js path a page's HTML references (script src, preloads, flight data), once, query dropped. */
export function staticScriptPaths(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/["'(](\/_next\/static\/[^"'()\s]+?\.js)(?:\?[^"'()\s]*)?["')]/g)].map((m) => m[1]!),
  );
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
