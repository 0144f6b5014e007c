import { useTranslations } from "next-intl";
import type { CatalogAdminState } from "@/lib/admin/product-prices";
import { useAdminFormats } from "./admin-format";
import { noticeText } from "./notice-text";

const TONES: Record<Exclude<CatalogAdminState["status"], "idle">, string> = {
  saved: "border-emerald-200 bg-emerald-50 text-emerald-900",
  refreshed: "border-sky-200 bg-sky-50 text-sky-900",
  invalid: "border-amber-200 bg-amber-50 text-amber-900",
  failed: "border-red-200 bg-red-50 text-red-900",
  refused: "border-red-200 bg-red-50 text-red-900",
};

/** Before the first submit: no message. */
export const CATALOG_IDLE: CatalogAdminState = { status: "idle" };

/** The outcome of a catalog action, announced to screen readers. */
export function CatalogMessage({ state, id }: { state: CatalogAdminState; id?: string }) {
  const t = useTranslations("admin");
  const { money } = useAdminFormats();
  return (
    <div id={id} role="status" aria-live="polite" className="empty:hidden">
      {state.status === "idle" ? null : (
        <p className={`mt-2 rounded-md border p-2 text-sm ${TONES[state.status]}`}>
          {noticeText(t, state.notice, money)}
        </p>
      )}
    </div>
  );
}
