/**
 * The public origin of this app, used to build Paymob's notification_url and redirection_url.
 * APP_URL wins. On Vercel: the production domain for production deployments, and the deployment's own URL
 * for previews (so a preview's payments call back to that preview, not to production). Locally:
 * http://localhost:$PORT.
 */
export function appUrl(env: Record<string, string | undefined> = process.env): string {
  const explicit = env.APP_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, "");
  const vercelHost =
    env.VERCEL_ENV === "production"
      ? env.VERCEL_PROJECT_PRODUCTION_URL?.trim() || env.VERCEL_URL?.trim()
      : env.VERCEL_URL?.trim();
  if (vercelHost) return `https://${vercelHost.replace(/\/+$/, "")}`;
  return `http://localhost:${env.PORT?.trim() || "3000"}`;
}

/**
 * Where Paymob POSTs transaction callbacks. On a Vercel deployment behind Deployment Protection, Paymob's
 * server cannot log in, so the protection-bypass secret rides along as Vercel's documented query parameter.
 * It goes to Paymob only (server to server), never to a browser.
 */
export function callbackUrl(env: Record<string, string | undefined> = process.env): string {
  const url = new URL("/api/paymob/callback", appUrl(env));
  const bypass = env.VERCEL_AUTOMATION_BYPASS_SECRET?.trim();
  if (bypass) url.searchParams.set("x-vercel-protection-bypass", bypass);
  return url.toString();
}

/** Where Paymob sends the customer's browser after paying (Unified Checkout and Pixel's 3-D Secure). */
export function returnUrl(env: Record<string, string | undefined> = process.env): string {
  return new URL("/checkout/return", appUrl(env)).toString();
}

/** The two URLs every intention carries, built once from configuration (never from a request's headers). */
export type PaymentUrls = { notificationUrl: string; redirectionUrl: string };

export function paymentUrls(env: Record<string, string | undefined> = process.env): PaymentUrls {
  return { notificationUrl: callbackUrl(env), redirectionUrl: returnUrl(env) };
}

/**
 * True when `url` points at this machine only (localhost, *.localhost, 127.0.0.0/8, ::1): `npm start` on a
 * laptop. Anything else, including a LAN address, can be reached by other people. A malformed URL is not loopback.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(host);
}
