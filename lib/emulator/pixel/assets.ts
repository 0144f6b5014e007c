import { PIXEL_MAIN_CSS } from "./main-css";
import { PIXEL_MAIN_JS } from "./main-js";

// /pixel/main.js and /pixel/main.css: static, cross-origin loadable (the merchant page may live elsewhere).
const HEADERS = {
  "access-control-allow-origin": "*",
  "cache-control": "public, max-age=300",
  "x-content-type-options": "nosniff",
};

export function staticAsset(path: string): Response | null {
  if (path === "/pixel/main.js")
    return new Response(PIXEL_MAIN_JS, { headers: { ...HEADERS, "content-type": "text/javascript; charset=utf-8" } });
  if (path === "/pixel/main.css")
    return new Response(PIXEL_MAIN_CSS, { headers: { ...HEADERS, "content-type": "text/css; charset=utf-8" } });
  return null;
}
