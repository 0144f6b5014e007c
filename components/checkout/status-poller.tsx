"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { RETURN_PAGE_POLLING, startPolling } from "./poll-loop";
import { StillPending } from "./still-pending";

type Props = { reference: string; supportEmail: string };

/**
 * Re-renders the (server) return page every couple of seconds while the order awaits Paymob's callback, so the
 * customer sees "Paid" without reloading. Bounded (poll-loop.ts): after a minute it stops and says what to do,
 * with a "Check again" that starts another bounded round.
 */
export function StatusPoller({ reference, supportEmail }: Props) {
  const t = useTranslations("checkout");
  const router = useRouter();
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    if (gaveUp) return;
    // The budget is a module constant, not a prop: each refresh re-renders the server page, and a fresh prop
    // object would restart the loop every time, which would make it endless.
    return startPolling(
      RETURN_PAGE_POLLING,
      {
        now: () => Date.now(),
        setTimer: (run, ms) => {
          const timer = setTimeout(run, ms);
          return () => clearTimeout(timer);
        },
        refresh: () => router.refresh(),
        visible: () => document.visibilityState === "visible",
      },
      () => setGaveUp(true),
    );
  }, [gaveUp, router]);

  const checkAgain = () => {
    router.refresh();
    setGaveUp(false);
  };

  return (
    <div aria-live="polite">
      {gaveUp ? (
        <StillPending reference={reference} supportEmail={supportEmail} onCheckAgain={checkAgain} />
      ) : (
        <p className="flex items-center gap-2 text-sm">
          <span className="size-3 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
          {t("return.polling")}
        </p>
      )}
    </div>
  );
}
