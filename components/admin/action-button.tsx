import { useTranslations } from "next-intl";

const TONES = {
  capture: "bg-emerald-700 px-3 py-1.5 text-sm text-white hover:bg-emerald-800",
  refund: "bg-red-700 px-3 py-1.5 text-sm text-white hover:bg-red-800",
  void: "border border-red-700 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50",
  quiet: "border border-stone-300 bg-white px-2.5 py-1 text-xs hover:border-brand-700",
};

type Props = {
  tone: keyof typeof TONES;
  label: string;
  /** This form's action is running. */
  pending: boolean;
  pendingLabel?: string;
  /** Also off while another action on the same payment runs, so one click cannot race the other. */
  disabled?: boolean;
};

/** An admin form's submit button, which says it is working while its action runs. */
export function ActionButton({ tone, label, pending, pendingLabel, disabled = pending }: Props) {
  const t = useTranslations("admin.actions");
  return (
    <button type="submit" disabled={disabled} className={`rounded-md font-medium disabled:opacity-60 ${TONES[tone]}`}>
      {pending ? (pendingLabel ?? t("requesting")) : label}
    </button>
  );
}
