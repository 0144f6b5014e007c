import { z } from "zod";
import { logger } from "@/lib/logger";
import { loadPaymobConfig, describePaymobConfig, type PaymobConfig } from "@/lib/paymob/config";
import { pixelBuild } from "@/lib/paymob/pixel-build";
import { PaymobConfigError } from "@/lib/paymob/errors";
import { isLoopbackUrl } from "@/lib/app-url";
import { resolveDbConfig } from "@/db/config";
import { storeCurrency } from "@/lib/store";
import { arabicDigits } from "@/lib/locale";
import { storeSupportEmail } from "@/lib/support-contact";
import { clientAddressSource } from "@/lib/rate-limit/client-address";

type Env = Record<string, string | undefined>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The app cannot start because its configuration is unsafe or incomplete:\n${problems.map((p) => `  • ${p}`).join("\n")}\n` +
        "See the environment table in README.md (copy .env.example to .env.local for local overrides).",
    );
    this.name = "EnvError";
  }
}

/**
 * A deployment: NODE_ENV=production serving a real host. `npm start` on a laptop is NODE_ENV=production too,
 * but on localhost, where plain http and the emulator are exactly what we want.
 */
export function isDeployed(env: Env): boolean {
  if (env.NODE_ENV !== "production") return false;
  if (env.VERCEL_ENV) return true;
  const url = env.APP_URL?.trim();
  return Boolean(url) && !isLoopbackUrl(url!);
}

// Hand-written rather than @t3-oss/env-nextjs: the rules here are cross-checks between variables (Paymob keys vs
// the emulator, deployed vs local) that live in the modules owning them and take any env record (tests pass
// plain objects); createEnv would add a throw-to-collect dance around them, and its emptyStringAsUndefined
// deletes keys from the object it is given. Its one NEXT_PUBLIC_ variable (the Arabic digits) is a plain choice
// checked by the module that reads it, like the others.
const baseSchema = z.object({
  APP_URL: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z.url({ error: "APP_URL must be a full URL like https://shop.example.com" }).optional(),
  ),
  AUTH_SECRET: z
    .string()
    .min(
      32,
      "AUTH_SECRET must be at least 32 characters (generate one with `npx auth secret` or `openssl rand -base64 32`)",
    )
    .optional(),
  ADMIN_EMAILS: z.string().optional(),
});

/** Every problem with the environment, as sentences a newcomer can act on. Empty means good to go. */
export function envProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  const base = baseSchema.safeParse(env);
  if (!base.success) problems.push(...base.error.issues.map((i) => i.message));

  for (const check of [
    () => storeCurrency(env),
    () => arabicDigits(env.NEXT_PUBLIC_ARABIC_DIGITS),
    () => storeSupportEmail(env),
    () => resolveDbConfig(env),
    () => clientAddressSource(env),
  ]) {
    try {
      check();
    } catch (error) {
      problems.push((error as Error).message);
    }
  }

  let paymobMode: PaymobConfig["mode"] | undefined;
  try {
    paymobMode = loadPaymobConfig(env).mode;
  } catch (error) {
    // Its first line is a heading ("Paymob configuration is invalid:"); the rest are one problem per line.
    if (error instanceof PaymobConfigError)
      problems.push(
        ...error.message
          .split("\n")
          .slice(1)
          .filter((l) => l.trim())
          .map((l) => l.replace(/^\s*[•-]\s*/, "")),
      );
    else problems.push((error as Error).message);
  }

  if (isDeployed(env)) {
    if (!env.AUTH_SECRET)
      problems.push(
        "AUTH_SECRET is missing: sessions and sign-in links cannot be signed without it (generate one with `npx auth secret`).",
      );
    const url = env.APP_URL?.trim();
    if (url && !url.startsWith("https://"))
      problems.push(
        `APP_URL must be https in production (got ${url}): Paymob posts callbacks and sends customers to it.`,
      );
    if (!url && !env.VERCEL_PROJECT_PRODUCTION_URL && !env.VERCEL_URL)
      problems.push("APP_URL is missing: Paymob needs it to build the callback and return URLs.");
  }
  if (paymobMode) {
    try {
      pixelBuild(env, paymobMode);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (paymobMode === "live" && env.PAYMOB_EMULATOR === "1")
    problems.push("PAYMOB_EMULATOR=1 together with live Paymob keys: remove one of them.");
  return problems;
}

/** Called once at server start (instrumentation.ts): refuses to start with a message naming what to fix. */
export function assertValidEnv(env: Env = process.env): void {
  const problems = envProblems(env);
  if (problems.length) throw new EnvError(problems);
  try {
    logger.info(
      { scope: "env" },
      `ok: ${describePaymobConfig(loadPaymobConfig(env))}, database ${resolveDbConfig(env).driver}`,
    );
  } catch {
    /* already validated above */
  }
}
