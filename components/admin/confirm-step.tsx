"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import type { AdminActionState } from "@/lib/admin/operations";
import { useAdminFormats } from "./admin-format";
import { noticeText } from "./notice-text";

type Props = {
  title: string;
  state: Extract<AdminActionState, { status: "confirm" }>;
  action: (form: FormData) => void;
  /** The payment's hidden fields (TransactionFields). */
  hidden: ReactNode;
  pending: boolean;
  disabled: boolean;
};

/**
 * The second step of a refund or void: says what will happen, with the amount, and asks for a deliberate second
 * click. A form the server rendered (so it works before or without JavaScript), labelled by its heading, which
 * takes the focus when it appears so a keyboard or screen-reader user lands on the question, not past it.
 */
export function ConfirmStep({ title, state, action, hidden, pending, disabled }: Props) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const t = useTranslations("admin");
  const { money } = useAdminFormats();
  const { notice } = state;
  const amount = money(notice.amountMinor, notice.currency);
  const confirmLabel =
    notice.code === "confirm_refund" ? t("actions.refundConfirm", { amount }) : t("actions.voidConfirm", { amount });
  return (
    <form
      action={action}
      aria-labelledby={headingId}
      className="rounded-md border border-red-300 bg-red-50 p-3"
      data-testid="confirm-step"
    >
      {hidden}
      <input type="hidden" name="amount" value={state.amount} />
      <h4 id={headingId} ref={heading} tabIndex={-1} className="font-semibold text-red-900 focus:outline-none">
        {title}
      </h4>
      <p className="mt-1 text-sm text-red-900">{noticeText(t, notice, money)}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="submit"
          name="intent"
          value="confirm"
          disabled={disabled}
          className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800 disabled:opacity-60"
        >
          {pending ? t("actions.requesting") : confirmLabel}
        </button>
        <button
          type="submit"
          name="intent"
          value="cancel"
          disabled={disabled}
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-700 disabled:opacity-60"
        >
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}
