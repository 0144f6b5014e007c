"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { tryAgain, type RetryState } from "@/app/checkout/actions";
import { primaryButton } from "@/components/ui/button-styles";
import { checkoutErrorText } from "./checkout-error";

/** "Try again": a new payment attempt on the same order (server action), in the mode the customer used. */
export function RetryButton({ orderId }: { orderId: string }) {
  const t = useTranslations("checkout");
  const [state, action, pending] = useActionState<RetryState, FormData>(tryAgain, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? t("return.processing") : t("return.tryAgain")}
      </button>
      {state.error ? (
        <p role="alert" className="text-sm text-red-800">
          {checkoutErrorText(t, state.error)}
        </p>
      ) : null}
    </form>
  );
}
