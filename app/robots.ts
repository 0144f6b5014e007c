import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/app-url";

// Per request, like the sitemap it points to: the origin is the running server's APP_URL, not the build's.
export const dynamic = "force-dynamic";

/** Pages that are per visitor, private, or not the store's own (the Paymob emulator, dev tools). */
const DISALLOWED_PATHS = ["/admin", "/account", "/cart", "/checkout", "/login", "/api", "/paymob-emulator", "/dev"];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: DISALLOWED_PATHS },
    sitemap: new URL("/sitemap.xml", appUrl()).toString(),
  };
}
