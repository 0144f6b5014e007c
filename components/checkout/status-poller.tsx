"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Props = { intervalMs?: number; maxPolls?: number };

/**
 * Re-renders the (server) return page every couple of seconds while the order awaits Paymob's callback, so the
 * customer sees "Paid" without reloading. Bounded: after maxPolls it stops and says so.
 */
export function StatusPoller({ intervalMs = 2_000, maxPolls = 60 }: Props) {
  const router = useRouter();
  const [polls, setPolls] = useState(0);
  const done = polls >= maxPolls;

  useEffect(() => {
    if (done) return;
    const timer = setTimeout(() => {
      // Skip while the tab is hidden (it still counts, so a forgotten tab stops too).
      if (document.visibilityState === "visible") router.refresh();
      setPolls((n) => n + 1);
    }, intervalMs);
    return () => clearTimeout(timer);
  }, [polls, done, intervalMs, router]);

  return done ? (
    <p className="text-sm text-muted">
      Still no answer from Paymob. It can take a few minutes; reload this page later. You have not been charged twice.
    </p>
  ) : (
    <p className="flex items-center gap-2 text-sm text-muted">
      <span className="size-3 animate-pulse rounded-full bg-amber-500" aria-hidden="true" />
      Checking for Paymob&apos;s confirmation. This page updates by itself.
    </p>
  );
}
