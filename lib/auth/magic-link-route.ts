import { NextResponse, type NextRequest } from "next/server";
import { CONFIRM_PATH, isEmailCallbackPath, parseMagicLink } from "./magic-link";

/**
 * Runs before Auth.js on /api/auth/*. Only the magic-link callback is handled here; null means "let Auth.js
 * answer". A GET never reaches Auth.js (which would consume the token on GET): it is sent to the confirmation
 * page. A POST must come from a page of this store: browsers send Origin on every POST, so a form on another
 * site, or a link a scanner follows, cannot sign anyone in. The address must be in the link, because Auth.js
 * only checks whose token it is when the link names the address the page showed.
 */
export function guardMagicLinkCallback(request: NextRequest, appOrigin: string): Response | null {
  if (!isEmailCallbackPath(request.nextUrl.pathname)) return null;
  if (request.method === "GET") {
    return NextResponse.redirect(`${appOrigin}${CONFIRM_PATH}${request.nextUrl.search}`, 303);
  }
  if (request.headers.get("origin") !== appOrigin) {
    return new NextResponse("Sign-in links are confirmed on this store's own page.", { status: 403 });
  }
  if (!parseMagicLink(request.nextUrl.searchParams))
    return NextResponse.redirect(`${appOrigin}/login?error=Verification`, 303);
  return null;
}
