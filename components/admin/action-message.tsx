import { useTranslations } from "next-intl";
import type { AdminActionState } from "@/lib/admin/operations";
import { useAdminFormats } from "./admin-format";
import { noticeText } from "./notice-text";

const TONES: Record<Exclude<AdminActionState["status"], "idle" | "confirm">, string> = {
  requested: "border-emerald-200 bg-emerald-50 text-emerald-900",
  replayed: "border-sky-200 bg-sky-50 text-sky-900",
  released: "border-sky-200 bg-sky-50 text-sky-900",
  invalid: "border-amber-200 bg-amber-50 text-amber-900",
  uncertain: "border-amber-300 bg-amber-50 text-amber-900",
  failed: "border-red-200 bg-red-50 text-red-900",
  refused: "border-red-200 bg-red-50 text-red-900",
};

/** Before the first submit: no message. */
export const IDLE: AdminActionState = { status: "idle" };

/** The outcome of an admin action, announced to screen readers. A confirmation step shows itself (ConfirmStep). */
export function ActionMessage({ state }: { state: AdminActionState }) {
  const t = useTranslations("admin");
  const { money } = useAdminFormats();
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {state.status === "idle" || state.status === "confirm" ? null : (
        <p className={`mt-2 rounded-md border p-2 text-sm ${TONES[state.status]}`}>
          {noticeText(t, state.notice, money)}
        </p>
      )}
    </div>
  );
}
