import type { Clock } from "@/lib/emulator/time";

type Sleeper = { at: number; resolve: () => void };

/**
 * A clock that only moves when a test moves it. `sleep` waits for the test to advance past its end, so
 * "the duplicate goes out 2 s later" is a step of this clock, however slow the machine is.
 */
export class FakeClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];
  private sleepListeners: (() => void)[] = [];

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ at: this.current + Math.max(0, ms), resolve });
      this.sleepers.sort((a, b) => a.at - b.at);
      for (const listener of this.sleepListeners.splice(0)) listener();
    });
  }

  /** How many callers are waiting on this clock. */
  get sleeping(): number {
    return this.sleepers.length;
  }

  /** Resolves when someone next starts waiting on this clock. */
  nextSleep(): Promise<void> {
    return new Promise((resolve) => this.sleepListeners.push(resolve));
  }

  /** Moves time forward by `ms`, waking every sleeper whose time has come (earliest first). */
  advance(ms: number): void {
    this.current += ms;
    while (this.sleepers[0] && this.sleepers[0].at <= this.current) this.sleepers.shift()!.resolve();
  }

  /** Moves time to the earliest sleeper's wake-up time (if anyone sleeps) and wakes it. */
  advanceToNextWake(): boolean {
    const next = this.sleepers[0];
    if (!next) return false;
    this.advance(Math.max(0, next.at - this.current));
    return true;
  }

  /** Lets `work` run to completion, moving the clock whenever `work` (the only user of this clock) waits on it. */
  async drive<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const finished = work.finally(() => {
      done = true;
    });
    while (!done) {
      if (!this.advanceToNextWake()) await Promise.race([finished, this.nextSleep()]);
    }
    return finished;
  }
}
