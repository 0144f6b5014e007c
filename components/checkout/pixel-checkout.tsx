"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { secondaryButton } from "@/components/ui/button-styles";
import { Link } from "@/lib/i18n/navigation";
import type { AppLocale } from "@/lib/i18n/routing";
import { pixelCustomStyle } from "@/lib/paymob/pixel-style";
import { loadPixelAssets, pixelLoadFailure, type PixelLoadFailure } from "./pixel-loader";

// Paymob's Pixel puts a global `window.Pixel` class (no ESM export) and keeps one instance per elementId
// (docs/paymob.md § "Pixel"). What we pass it is only the public key and the intention's client secret.
type PixelOptions = {
  publicKey: string;
  clientSecret: string;
  paymentMethods: string[];
  elementId: string;
  afterPaymentComplete?: (response: unknown) => void;
  onPaymentCancel?: () => void;
  customStyle?: Record<string, unknown>;
  showSaveCard?: boolean;
};
declare global {
  interface Window {
    Pixel?: new (options: PixelOptions) => unknown;
  }
}

type Props = {
  publicKey: string;
  clientSecret: string;
  script: string;
  styles: string[];
  /** Where to go once Pixel reports a result without leaving the page (non-3-D-Secure cards). */
  returnUrl: string;
  /** Offer "save this card": only an account can keep one (lib/saved-cards), so never for a guest's order. */
  showSaveCard?: boolean;
  /** The page's language: Pixel speaks it only through customStyle (docs/paymob.md § "Language"). */
  locale: AppLocale;
};

type Status =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "completing" }
  | { kind: "cancelled" }
  | { kind: "error"; reason: PixelLoadFailure };

const LOAD_TIMEOUT_MS = 20_000;

export function PixelCheckout({
  publicKey,
  clientSecret,
  script,
  styles,
  returnUrl,
  showSaveCard = false,
  locale,
}: Props) {
  const t = useTranslations("checkout");
  const router = useRouter();
  // Pixel finds its container with getElementById and keeps one instance per id, so the id must be unique in the
  // document (a hidden, still mounted copy of this page under Cache Components has its own) and plain: useId's
  // format is React's to change, so keep only characters that are safe in an id and in a CSS selector.
  const elementId = `paymob-pixel${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const [status, setStatus] = useState<Status>({ kind: "loading" });
  const container = useRef<HTMLDivElement>(null);
  // StrictMode runs effects twice on mount; refs survive that, so Pixel is constructed exactly once.
  const constructed = useRef(false);
  const mounted = useRef(false);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (constructed.current) return;
    constructed.current = true;
    const element = container.current;
    if (!element) return;

    // Pixel fills the container itself; the first node it adds means the card form is on screen.
    const observer = new MutationObserver(() => {
      if (element.childElementCount > 0 && mounted.current)
        setStatus((s) => (s.kind === "loading" ? { kind: "ready" } : s));
    });
    observer.observe(element, { childList: true });

    loadPixelAssets(script, styles, LOAD_TIMEOUT_MS)
      .then(() => {
        if (!mounted.current || !window.Pixel)
          throw new Error("Paymob's Pixel script loaded but did not define window.Pixel.");
        new window.Pixel({
          publicKey,
          clientSecret,
          paymentMethods: ["card"],
          elementId,
          // UX only: the return page shows what the database says, which the server callback decides. Pixel
          // calls this for every answer but 3-D Secure, a declined card or a 4xx included (docs/paymob.md § "Pixel").
          afterPaymentComplete: () => {
            setStatus({ kind: "completing" });
            router.replace(returnUrl);
          },
          onPaymentCancel: () => setStatus({ kind: "cancelled" }),
          customStyle: pixelCustomStyle(locale),
          showSaveCard,
        });
      })
      .catch((error: unknown) => {
        console.error("[pixel]", error); // the developer's detail; the shopper reads the reason in their language
        if (mounted.current) setStatus({ kind: "error", reason: pixelLoadFailure(error) });
      });

    return undefined; // the observer lives as long as the container; unmounting removes both
  }, [publicKey, clientSecret, script, styles, elementId, returnUrl, showSaveCard, locale, router]);

  // Coming back with the browser's Back button (after 3-D Secure, say) must not show a stale, used form.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, []);

  return (
    <div className="flex flex-col gap-4">
      {/* The reserved height is about the card form's, so the page does not jump when Pixel fills it in. */}
      <div
        className="relative min-h-112 rounded-2xl border border-brand-200 bg-white p-4"
        aria-busy={status.kind === "loading" || status.kind === "completing"}
      >
        <div id={elementId} ref={container} data-testid="pixel-container" />
        {status.kind === "loading" ? <Overlay text={t("pay.loading")} /> : null}
        {status.kind === "completing" ? <Overlay text={t("pay.completing")} /> : null}
      </div>
      <div aria-live="polite">
        {status.kind === "cancelled" ? <p className="text-sm text-muted">{t("pay.cancelled")}</p> : null}
        {status.kind === "error" ? (
          <div
            role="alert"
            className="flex flex-col gap-3 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-900"
          >
            <p className="font-semibold">{t("pay.loadFailed")}</p>
            <p>{t("pay.loadFailedHelp")}</p>
            <p className="text-xs text-red-800/80">{t(`pay.loadFailedReason.${status.reason}`)}</p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={secondaryButton} onClick={() => window.location.reload()}>
                {t("pay.reload")}
              </button>
              <Link href="/checkout" className={secondaryButton}>
                {t("pay.backToCheckout")}
              </Link>
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function Overlay({ text }: { text: string }) {
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 rounded-2xl bg-white/90 text-sm text-muted">
      <span
        className="size-6 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700"
        aria-hidden="true"
      />
      <span role="status">{text}</span>
    </div>
  );
}
