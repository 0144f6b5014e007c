import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { RETURN_PAGE_POLLING, startPolling, type PollBudget, type PollIo } from "@/components/checkout/poll-loop";
import { StillPending } from "@/components/checkout/still-pending";
import { renderWithIntl } from "@/tests/helpers/intl";

// The return page's poller with an injected clock and timer queue: no waiting, no wall clock.

function fakeBrowser() {
  let now = 1_000_000;
  let visible = true;
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  const log = { refreshes: 0, gaveUp: 0 };
  const io: PollIo = {
    now: () => now,
    setTimer: (run, ms) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    refresh: () => void log.refreshes++,
    visible: () => visible,
  };
  return {
    io,
    log,
    onGiveUp: () => void log.gaveUp++,
    pending: () => timers.filter((t) => !t.cancelled).length,
    setVisible: (v: boolean) => (visible = v),
    /** Fires the next timer, `lateBy` ms after it was due (a throttled background tab fires them late). */
    fireNext(lateBy = 0) {
      const timer = timers.find((t) => !t.cancelled);
      if (!timer) return false;
      timer.cancelled = true;
      now = timer.at + lateBy;
      timer.run();
      return true;
    },
  };
}

const BUDGET: PollBudget = { intervalMs: 2_000, maxPolls: 5, maxWaitMs: 60_000 };

describe("startPolling", () => {
  it("refreshes every interval, then gives up once after maxPolls and schedules nothing more", () => {
    const b = fakeBrowser();
    startPolling(BUDGET, b.io, b.onGiveUp);
    let fired = 0;
    while (b.fireNext()) fired++;
    expect(fired).toBe(5);
    expect(b.log).toEqual({ refreshes: 5, gaveUp: 1 });
    expect(b.pending()).toBe(0);
  });

  it("gives up on total time too, when the browser fires its timers late", () => {
    const b = fakeBrowser();
    startPolling({ ...BUDGET, maxPolls: 1_000 }, b.io, b.onGiveUp);
    b.fireNext(); // on time: one refresh
    b.fireNext(59_000); // a background tab's timer, a minute late: past the budget, so no refresh
    expect(b.log).toEqual({ refreshes: 1, gaveUp: 1 });
    expect(b.pending()).toBe(0);
  });

  it("does not refresh a hidden tab, but counts the poll so a forgotten tab stops too", () => {
    const b = fakeBrowser();
    b.setVisible(false);
    startPolling(BUDGET, b.io, b.onGiveUp);
    while (b.fireNext());
    expect(b.log).toEqual({ refreshes: 0, gaveUp: 1 });
  });

  it("stops without giving up when the page leaves (the order settled)", () => {
    const b = fakeBrowser();
    const stop = startPolling(BUDGET, b.io, b.onGiveUp);
    b.fireNext();
    stop();
    expect(b.fireNext()).toBe(false);
    expect(b.log).toEqual({ refreshes: 1, gaveUp: 0 });
  });

  it("the return page's budget ends within a couple of minutes", () => {
    const { intervalMs, maxPolls, maxWaitMs } = RETURN_PAGE_POLLING;
    expect(Math.min(intervalMs * maxPolls, maxWaitMs)).toBeLessThanOrEqual(120_000);
    const b = fakeBrowser();
    startPolling(RETURN_PAGE_POLLING, b.io, b.onGiveUp);
    while (b.fireNext());
    expect(b.log.gaveUp).toBe(1);
  });
});

describe("StillPending", () => {
  const html = renderWithIntl(
    createElement(StillPending, {
      reference: "NC-7K2M9QXA",
      supportEmail: "help@shop.example",
      onCheckAgain: () => {},
    }),
  );

  it("says what to do: the reference, an email is coming, check again, and whom to write to", () => {
    expect(html).toContain("NC-7K2M9QXA");
    expect(html).toContain("we&#x27;ll email you when it&#x27;s confirmed");
    expect(html).toMatch(/<button type="button"[^>]*>Check again<\/button>/);
    expect(html).toContain('href="mailto:help@shop.example?subject=Order%20NC-7K2M9QXA"');
  });

  it("shows no spinner", () => {
    expect(html).not.toContain("animate-");
  });
});
