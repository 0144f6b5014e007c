"use client";

import { useActionState } from "react";
import { tryAgain, type RetryState } from "@/app/checkout/actions";
import { primaryButton } from "@/components/ui/button-styles";

/** "Try again": a new payment attempt on the same order (server action), in the mode the customer used. */
export function RetryButton({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState<RetryState, FormData>(tryAgain, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "Processing…" : "Try again"}
      </button>
      {state.message ? (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
