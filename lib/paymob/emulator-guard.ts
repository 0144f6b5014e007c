import { appUrl, isLoopbackUrl } from "@/lib/app-url";

type Env = Record<string, string | undefined>;

/**
 * Why this environment must not run the built-in emulator, or undefined when it may. The emulator's HMAC
 * secret is published in this repository, so a store reachable by others that runs it lets anyone sign a
 * callback and mark an order paid. Allowed: development, `npm start` on a loopback APP_URL, Vercel previews
 * (a demo of the template), and any deployment that says it is a demo with ALLOW_EMULATOR_IN_PRODUCTION=1.
 * Every place that decides emulator mode asks this: the Paymob config (so checkout and callbacks refuse it),
 * the start-up check (lib/env.ts) and the emulator route.
 */
export function emulatorRefusal(env: Env): string | undefined {
  if (env.NODE_ENV !== "production") return undefined;
  if (env.ALLOW_EMULATOR_IN_PRODUCTION?.trim() === "1") return undefined;
  if (env.VERCEL_ENV === "preview") return undefined;
  const url = appUrl(env);
  if (isLoopbackUrl(url)) return undefined;
  return (
    `PAYMOB_SECRET_KEY is not set, so payments would go to the built-in Paymob emulator, on a store that others can reach (${url}). ` +
    "Its signing secret is public: anyone could mark an order paid. Set PAYMOB_SECRET_KEY, PAYMOB_PUBLIC_KEY, PAYMOB_HMAC_SECRET and " +
    "PAYMOB_PAYMENT_METHODS (Paymob Dashboard → Settings → API Keys), or set ALLOW_EMULATOR_IN_PRODUCTION=1 if this store is a demo that takes no real orders."
  );
}
