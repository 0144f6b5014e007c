/**
 * The public origin of this app, used to build Paymob's notification_url and redirection_url.
 * APP_URL wins; on Vercel it falls back to the production URL; locally to http://localhost:$PORT.
 */
export function appUrl(env: Record<string, string | undefined> = process.env): string {
  const explicit = env.APP_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, "");
  const vercel = env.VERCEL_PROJECT_PRODUCTION_URL?.trim() || env.VERCEL_URL?.trim();
  if (vercel) return `https://${vercel.replace(/\/+$/, "")}`;
  return `http://localhost:${env.PORT?.trim() || "3000"}`;
}
