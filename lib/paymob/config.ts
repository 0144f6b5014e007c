import "server-only";

import { z } from "zod";

import { appUrl } from "@/lib/app-url";

import {
  EMULATOR_API_KEY,
  EMULATOR_HMAC_SECRET,
  EMULATOR_KEYS,
  EMULATOR_MOUNT,
  EMULATOR_REGION_INTEGRATIONS,
} from "./emulator-credentials";
import { emulatorRefusal } from "./emulator-guard";
import { PaymobConfigError } from "./errors";
import { PAYMOB_REGIONS, REGION_NAMES, regionForKeyPrefix, regionForOrigin, type PaymobRegion } from "./regions";

type PaymobMode = "emulator" | "test" | "live";
/** Integration ids (numbers) or integration names (strings), as Paymob's `payment_methods` takes them. */
type PaymobPaymentMethod = number | string;

export type PaymobConfig = {
  mode: PaymobMode;
  region: PaymobRegion;
  /** API origin (plus path prefix in emulator mode), no trailing slash. */
  baseUrl: string;
  currency: string;
  secretKey: string;
  publicKey: string;
  hmacSecret: string;
  /** Legacy API key; only the inquiry endpoints need it (auth-token flow). */
  apiKey?: string;
  paymentMethods: PaymobPaymentMethod[];
};

type Env = Record<string, string | undefined>;
type Problem = { variable: string; message: string };

const trimmed = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : value);
const optionalText = z.preprocess(trimmed, z.string().optional());

const envSchema = z.object({
  PAYMOB_REGION: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
    z
      .enum(REGION_NAMES, {
        error: (issue) => `must be one of ${REGION_NAMES.join(", ")} (got "${String(issue.input)}")`,
      })
      .optional(),
  ),
  PAYMOB_BASE_URL: z.preprocess(
    trimmed,
    z
      .url({
        protocol: /^https?$/,
        error: (issue) => `must be an http(s) URL like https://accept.paymob.com (got "${String(issue.input)}")`,
      })
      .optional(),
  ),
  PAYMOB_SECRET_KEY: optionalText,
  PAYMOB_PUBLIC_KEY: optionalText,
  PAYMOB_HMAC_SECRET: optionalText,
  PAYMOB_API_KEY: optionalText,
  PAYMOB_PAYMENT_METHODS: optionalText,
});
type PaymobEnv = z.output<typeof envSchema>;

const WHERE_KEYS = "Paymob Dashboard → Settings → API Keys";

/**
 * Reads the PAYMOB_* variables. Without PAYMOB_SECRET_KEY the app talks to its built-in emulator (unless the
 * store is public, see emulator-guard.ts); with it, every credential must be present and agree on mode
 * (test/live) and region, or this throws a PaymobConfigError listing each variable to fix. Pure function of `env`.
 */
export function loadPaymobConfig(env: Env = process.env): PaymobConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: `${String(i.path[0])} ${i.message}` })),
    );
  }
  return parsed.data.PAYMOB_SECRET_KEY
    ? realConfig(parsed.data, parsed.data.PAYMOB_SECRET_KEY)
    : emulatorConfig(parsed.data, env);
}

let cached: PaymobConfig | undefined;

/** The app's Paymob configuration from process.env, read once per server process. */
export function paymobConfig(): PaymobConfig {
  cached ??= loadPaymobConfig();
  return cached;
}

/** One log line describing the configuration, without any credential. */
export function describePaymobConfig(config: PaymobConfig): string {
  return `Paymob ${config.mode} mode, region ${config.region} (${config.currency}), ${config.baseUrl}, payment methods ${config.paymentMethods.join(",")}`;
}

function emulatorConfig(vars: PaymobEnv, env: Env): PaymobConfig {
  const problems: Problem[] = [];
  const refusal = emulatorRefusal(env);
  if (refusal) problems.push({ variable: "PAYMOB_SECRET_KEY", message: refusal });
  const stray = (
    ["PAYMOB_PUBLIC_KEY", "PAYMOB_HMAC_SECRET", "PAYMOB_API_KEY", "PAYMOB_PAYMENT_METHODS", "PAYMOB_BASE_URL"] as const
  ).filter((name) => vars[name]);
  for (const name of stray) {
    problems.push({
      variable: name,
      message: `${name} is set but PAYMOB_SECRET_KEY is not. Add PAYMOB_SECRET_KEY (${WHERE_KEYS}) to use Paymob, or remove ${name} to use the built-in emulator.`,
    });
  }
  // The emulator serves every region: PAYMOB_REGION picks which region's emulator keys (egy_/sau_/are_/omn_)
  // the app uses, and the emulator answers in that region's currency and formats, as with real keys.
  const region = vars.PAYMOB_REGION ?? "egypt";
  if (problems.length) fail(problems);
  return {
    mode: "emulator",
    region,
    baseUrl: `${appUrl(env)}${EMULATOR_MOUNT}`,
    currency: PAYMOB_REGIONS[region].currency,
    secretKey: EMULATOR_KEYS[region].secretKey,
    publicKey: EMULATOR_KEYS[region].publicKey,
    hmacSecret: EMULATOR_HMAC_SECRET,
    apiKey: EMULATOR_API_KEY,
    paymentMethods: EMULATOR_REGION_INTEGRATIONS[region].map((integration) => integration.integration_id),
  };
}

function realConfig(vars: PaymobEnv, secretKey: string): PaymobConfig {
  const problems: Problem[] = [];
  const region = vars.PAYMOB_REGION ?? "egypt";
  const regionSource = vars.PAYMOB_REGION
    ? `PAYMOB_REGION is ${region}`
    : `PAYMOB_REGION is not set, so the region is ${region}`;

  const secret = readKey("PAYMOB_SECRET_KEY", secretKey, "sk", problems);
  const publicKey = vars.PAYMOB_PUBLIC_KEY;
  const publicInfo = publicKey ? readKey("PAYMOB_PUBLIC_KEY", publicKey, "pk", problems) : undefined;
  if (!publicKey) {
    problems.push({
      variable: "PAYMOB_PUBLIC_KEY",
      message: `PAYMOB_PUBLIC_KEY is missing; Unified Checkout and Pixel need it (${WHERE_KEYS}).`,
    });
  }
  if (!vars.PAYMOB_HMAC_SECRET) {
    problems.push({
      variable: "PAYMOB_HMAC_SECRET",
      message:
        "PAYMOB_HMAC_SECRET is missing; without it payment callbacks cannot be verified and no order could be marked paid (Paymob Dashboard → Settings → Account Info → HMAC).",
    });
  }
  if (secret?.mode && publicInfo?.mode && secret.mode !== publicInfo.mode) {
    problems.push({
      variable: "PAYMOB_PUBLIC_KEY",
      message: `PAYMOB_SECRET_KEY is a ${secret.mode} key but PAYMOB_PUBLIC_KEY is a ${publicInfo.mode} key; copy both from the same mode of the dashboard.`,
    });
  }
  for (const [variable, info] of [
    ["PAYMOB_SECRET_KEY", secret],
    ["PAYMOB_PUBLIC_KEY", publicInfo],
  ] as const) {
    if (!info?.prefix) continue;
    if (!info.prefix.region) {
      problems.push({
        variable,
        message: `${variable} starts with "${info.prefix.text}_", a region this store does not support (${REGION_NAMES.join(", ")}).`,
      });
    } else if (info.prefix.region !== region) {
      problems.push({
        variable,
        message: `${variable} starts with "${info.prefix.text}_" (${PAYMOB_REGIONS[info.prefix.region].label}) but ${regionSource}. Set PAYMOB_REGION=${info.prefix.region} or use your ${region} keys.`,
      });
    }
  }

  const baseUrl = resolveBaseUrl(vars.PAYMOB_BASE_URL, region, regionSource, secret?.mode, problems);
  const paymentMethods = parsePaymentMethods(vars.PAYMOB_PAYMENT_METHODS, problems);
  if (problems.length || !secret?.mode) fail(problems);

  return {
    mode: secret.mode,
    region,
    baseUrl,
    currency: PAYMOB_REGIONS[region].currency,
    secretKey,
    publicKey: publicKey!,
    hmacSecret: vars.PAYMOB_HMAC_SECRET!,
    ...(vars.PAYMOB_API_KEY ? { apiKey: vars.PAYMOB_API_KEY } : {}),
    paymentMethods,
  };
}

type KeyInfo = { mode?: "test" | "live"; prefix?: { text: string; region?: PaymobRegion } };

function keyPrefixOf(key: string): { text: string; region?: PaymobRegion } | undefined {
  const text = /^([a-z]{3})_/.exec(key)?.[1];
  return text ? { text, region: regionForKeyPrefix(text) } : undefined;
}

// Keys look like egy_sk_test_…, egy_pk_live_… (the docs also show "sklive"/"pklive"). The mode is only
// ever read from the key: Paymob uses the same host for test and live (docs/paymob.md § "Regions and hosts").
function readKey(variable: string, key: string, kind: "sk" | "pk", problems: Problem[]): KeyInfo | undefined {
  const other = kind === "sk" ? "pk" : "sk";
  const expected = `like egy_${kind}_test_… or egy_${kind}_live_… (${WHERE_KEYS})`;
  if (new RegExp(`(?:^|_)${other}_?(?:test|live)_`).test(key) || (kind === "pk" && /(?:^|_)csk_/.test(key))) {
    const holds = other === "sk" ? "a secret key — it would be sent to browsers" : "a public key";
    problems.push({ variable, message: `${variable} holds ${holds}; it should look ${expected}.` });
    return undefined;
  }
  const match = new RegExp(`(?:^|_)${kind}_?(test|live)_`).exec(key) ?? /_(test|live)_/.exec(key);
  if (!match) {
    problems.push({
      variable,
      message: `${variable} does not look like a Paymob ${kind === "sk" ? "secret" : "public"} key; it should look ${expected}.`,
    });
    return undefined;
  }
  return { mode: match[1] as "test" | "live", prefix: keyPrefixOf(key) };
}

function resolveBaseUrl(
  explicit: string | undefined,
  region: PaymobRegion,
  regionSource: string,
  mode: "test" | "live" | undefined,
  problems: Problem[],
): string {
  if (!explicit) return PAYMOB_REGIONS[region].baseUrl;
  const url = new URL(explicit);
  const hostRegion = regionForOrigin(url.origin);
  if (hostRegion && hostRegion !== region) {
    problems.push({
      variable: "PAYMOB_BASE_URL",
      message: `PAYMOB_BASE_URL is the ${hostRegion} host but ${regionSource}. Set PAYMOB_REGION=${hostRegion} or remove PAYMOB_BASE_URL.`,
    });
  }
  if (mode === "live" && url.protocol !== "https:") {
    problems.push({
      variable: "PAYMOB_BASE_URL",
      message: "PAYMOB_BASE_URL must be https with a live key: the secret key travels in every request.",
    });
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

function parsePaymentMethods(raw: string | undefined, problems: Problem[]): PaymobPaymentMethod[] {
  const example =
    "e.g. PAYMOB_PAYMENT_METHODS=4900001,card — integration ids or names from Paymob Dashboard → Developers → Payment Integrations";
  if (!raw) {
    problems.push({
      variable: "PAYMOB_PAYMENT_METHODS",
      message: `PAYMOB_PAYMENT_METHODS is missing; list the integrations customers may pay with (${example}).`,
    });
    return [];
  }
  const methods: PaymobPaymentMethod[] = [];
  for (const entry of raw.split(",").map((part) => part.trim())) {
    const value = /^\d+$/.test(entry) ? Number(entry) : entry;
    if (entry === "" || (typeof value === "number" && (!Number.isSafeInteger(value) || value <= 0))) {
      problems.push({
        variable: "PAYMOB_PAYMENT_METHODS",
        message: `PAYMOB_PAYMENT_METHODS has an invalid entry "${entry}" (${example}).`,
      });
    } else if (!methods.includes(value)) {
      methods.push(value);
    }
  }
  return methods;
}

function fail(problems: Problem[]): never {
  const variables = [...new Set(problems.map((p) => p.variable))];
  throw new PaymobConfigError(
    `Paymob configuration is invalid:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`,
    variables,
  );
}
