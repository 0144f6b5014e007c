import type { useTranslations } from "next-intl";
import type { TooManyLinks } from "@/lib/auth/magic-link-limits";

export type AuthTranslator = ReturnType<typeof useTranslations<"auth">>;

/** "in 12 minutes", "in a minute", "in 40 seconds" (or their Arabic): how long a limited visitor waits. */
function retryAfterText(t: AuthTranslator, seconds: number | null): string {
  if (seconds === null) return t("retryAfter.unknown");
  if (seconds < 60) return t("retryAfter.seconds", { seconds: Math.max(1, seconds) });
  return t("retryAfter.minutes", { minutes: Math.ceil(seconds / 60) });
}

/** The sentence for a refused sign-in link (lib/auth/magic-link-limits.ts): which limit, and how long to wait. */
export function tooManyLinksText(t: AuthTranslator, { scope, waitSeconds }: TooManyLinks): string {
  const when = retryAfterText(t, waitSeconds);
  return scope === "email" ? t("errors.tooManyForEmail", { when }) : t("errors.tooManyFromClient", { when });
}

// Auth.js sends people back to the login page with ?error=<type> (pages.error in auth.config.ts).
const AUTH_JS_ERRORS = ["Verification", "OAuthAccountNotLinked", "AccessDenied", "Configuration"] as const;

/** The login page's message for Auth.js's ?error= (and the sign-in link limits'); null without one. */
export function loginErrorText(t: AuthTranslator, error: unknown, tooMany: TooManyLinks | null): string | null {
  if (typeof error !== "string") return null;
  const known = AUTH_JS_ERRORS.find((e) => e === error);
  if (known) return t(`errors.${known}`);
  return tooMany ? tooManyLinksText(t, tooMany) : t("errors.generic");
}
