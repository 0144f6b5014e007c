import fc from "fast-check";
import { expect } from "vitest";

// Property runs sized by count AND bounded in time. A loaded machine gets through fewer cases in the budget;
// the run then stops early instead of timing out, but still has to reach `minRuns`, so a budget cut can never
// leave a property that checked (almost) nothing. Each case must make at least one assertion: a predicate that
// returns without asserting anything is a test that cannot fail for that input.

export type FuzzBudget = {
  /** Cases to run when the machine keeps up. */
  numRuns: number;
  /** Fewer cases than this within the time limit fails the test. */
  minRuns: number;
  /** Wall-clock budget for the whole run, shrinking included. */
  timeLimitMs: number;
};

/** The test's own timeout: the budget, plus the case in flight when it ran out and the test's setup. */
export const fuzzTestTimeout = (...budgets: FuzzBudget[]) =>
  budgets.reduce((total, b) => total + b.timeLimitMs, 0) + 60_000;

export type FuzzRun = { runs: number; interrupted: boolean };

/**
 * Checks `predicate` on generated inputs within `budget`. Throws fast-check's report (seed and shrunk
 * counterexample, so a failure replays) when a case fails or makes no assertion.
 */
export async function fuzz<Ts extends [unknown, ...unknown[]]>(
  budget: FuzzBudget,
  arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> },
  predicate: (...args: Ts) => unknown,
): Promise<FuzzRun> {
  const asserting = async (...args: Ts) => {
    const before = expect.getState().assertionCalls;
    await predicate(...args);
    if (expect.getState().assertionCalls === before)
      throw new Error("this case made no assertion, so nothing was checked for it");
  };
  const property = (fc.asyncProperty as unknown as (...parts: unknown[]) => fc.IAsyncProperty<Ts>)(
    ...arbitraries,
    asserting,
  );
  const details = await fc.check(property, {
    numRuns: budget.numRuns,
    plugins: [fc.interruptAfterTimeLimit(budget.timeLimitMs)],
  });
  if (details.failed) throw new Error(await fc.asyncDefaultReportMessage(details));
  expect(
    details.numRuns,
    `only ${details.numRuns} of ${budget.numRuns} cases ran within ${budget.timeLimitMs} ms`,
  ).toBeGreaterThanOrEqual(budget.minRuns);
  if (details.interrupted)
    console.warn(
      `[fuzz] time budget reached: ${details.numRuns} of ${budget.numRuns} cases ran (minimum ${budget.minRuns})`,
    );
  return { runs: details.numRuns, interrupted: details.interrupted };
}
