/** How long the return page keeps asking before it tells the customer what to do instead. */
export type PollBudget = { intervalMs: number; maxPolls: number; maxWaitMs: number };

// Paymob's callback normally lands within seconds, and the page's first render already asked Paymob's inquiry API
// when it did not; a minute of polling covers a slow callback without leaving a spinner running for ever.
export const RETURN_PAGE_POLLING: PollBudget = { intervalMs: 2_000, maxPolls: 30, maxWaitMs: 60_000 };

/** The outside world the loop touches, injected so tests drive it with a fake clock instead of waiting. */
export type PollIo = {
  now(): number;
  /** Schedules `run` after `ms`; returns a cancel function. */
  setTimer(run: () => void, ms: number): () => void;
  /** Asks for a fresh server render (router.refresh). */
  refresh(): void;
  /** Whether the customer can see the page; hidden tabs are not refreshed (the poll still counts). */
  visible(): boolean;
};

/**
 * Refreshes every `intervalMs` until `maxPolls` refreshes or `maxWaitMs` since the start have passed, whichever
 * comes first, then calls `onGiveUp` once. Counting by time as well as by polls keeps the bound honest when the
 * browser throttles timers (a background tab fires them a minute apart). Returns a stop function.
 */
export function startPolling(budget: PollBudget, io: PollIo, onGiveUp: () => void): () => void {
  const startedAt = io.now();
  let polls = 0;
  let cancel: (() => void) | undefined;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    if (io.now() - startedAt >= budget.maxWaitMs) return giveUp();
    if (io.visible()) io.refresh();
    polls += 1;
    if (polls >= budget.maxPolls) return giveUp();
    cancel = io.setTimer(tick, budget.intervalMs);
  };
  const giveUp = () => {
    stopped = true;
    onGiveUp();
  };

  cancel = io.setTimer(tick, budget.intervalMs);
  return () => {
    stopped = true;
    cancel?.();
  };
}
