import { useTranslations } from "next-intl";

/** First focusable element on every page: jumps keyboard users past the header to the page's main content. */
export function SkipLink() {
  const t = useTranslations("layout");
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-brand-700 px-4 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:top-3 focus:start-3 focus:z-50"
    >
      {t("skipToContent")}
    </a>
  );
}
