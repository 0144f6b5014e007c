import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { STORE_NAME } from "@/lib/store";

// The Open Graph / Twitter card image (1200 × 630 PNG) of the store and of each product, drawn by next/og with
// its bundled font only: no remote font, so it renders offline. Text is kept to Latin characters the bundled font
// has; anything else would make next/og try to download a fallback font.

export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

const BRAND = { paper: "#fdf7ef", line: "#f0d9bb", ink: "#1c1917", accent: "#8f4a17", deep: "#4a2709" };

/**
 * A product illustration from public/products as a data URL, or undefined when it cannot be read (a path that is
 * not one of ours, or a deployment that ships public files apart from the server): the card then goes without.
 */
export async function productIllustration(image: string): Promise<string | undefined> {
  if (!/^\/products\/[a-z0-9-]+\.svg$/.test(image)) return undefined;
  try {
    const svg = await readFile(path.join(process.cwd(), "public", image));
    return `data:image/svg+xml;base64,${svg.toString("base64")}`;
  } catch {
    return undefined;
  }
}

type Card = { kicker: string; title: string; subtitle?: string; footer?: string; illustration?: string };

export function shareCard({ kicker, title, subtitle, footer = STORE_NAME, illustration }: Card): ImageResponse {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        alignItems: "center",
        gap: 56,
        padding: 64,
        background: BRAND.paper,
        color: BRAND.ink,
        borderBottom: `16px solid ${BRAND.accent}`,
      }}
    >
      <div style={{ flex: 1, display: "flex", flexDirection: "column", gap: 24 }}>
        <div style={{ fontSize: 30, color: BRAND.accent, letterSpacing: 2 }}>{kicker}</div>
        <div style={{ fontSize: title.length > 28 ? 64 : 76, lineHeight: 1.1, color: BRAND.deep }}>{title}</div>
        {subtitle ? <div style={{ fontSize: 44, color: BRAND.accent }}>{subtitle}</div> : null}
        <div style={{ marginTop: 24, fontSize: 28, color: "#5c534b" }}>{footer}</div>
      </div>
      {illustration ? (
        // eslint-disable-next-line @next/next/no-img-element -- drawn by next/og, not a page
        <img
          src={illustration}
          alt=""
          width={440}
          height={440}
          style={{ borderRadius: 40, border: `4px solid ${BRAND.line}` }}
        />
      ) : null}
    </div>,
    SHARE_CARD_SIZE,
  );
}
