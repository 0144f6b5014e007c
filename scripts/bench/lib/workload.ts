import type { PaymentAttempt } from "@/db/schema/payments";
import { signedTransaction, transactionFor } from "@/tests/helpers/orders";

export type CallbackKind = "new" | "duplicate" | "invalid";
export type PlannedCallback = {
  kind: CallbackKind;
  /** Index into the seeded attempts. */
  target: number;
  rawBody: string;
  hmac: string;
  warmup: boolean;
};

export type WorkloadShape = {
  /** Orders that each receive exactly one approved callback (plus maybe re-deliveries). */
  paidOrders: number;
  /** Orders that only ever receive forged callbacks and must stay unpaid. */
  forgedOnlyOrders: number;
  /** Identical re-deliveries, as a share of paidOrders; half go out together with the original. */
  duplicateRatio: number;
  /** Forged callbacks (valid body, wrong hmac), as a share of paidOrders. */
  invalidRatio: number;
  /** Orders used only to warm the server up; their callbacks are sent first and not measured. */
  warmupOrders: number;
};

export type Workload = {
  plan: PlannedCallback[];
  attemptsNeeded: number;
  paidTargets: Set<number>;
  forgedTargets: Set<number>;
};

/** A wrong key of the right shape: the signature is well-formed hex and simply does not verify. */
const FORGER_SECRET = "NOT0THE0MERCHANT0HMAC0SECRET";

/** Deterministic (mulberry32), so two servers measured in one run get the very same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many attempts to seed for a shape: warm-up orders first, then paid ones, then forged-only ones. */
export const attemptsFor = (shape: WorkloadShape) => shape.warmupOrders + shape.paidOrders + shape.forgedOnlyOrders;

/**
 * The request sequence for one server. Concurrent duplicates sit right behind their original, so with
 * several workers pulling from the queue they are in flight at the same moment; late duplicates and
 * forgeries are spread at random positions after it.
 */
export function buildWorkload(
  attempts: PaymentAttempt[],
  shape: WorkloadShape,
  hmacSecret: string,
  seed = 7,
): Workload {
  if (attempts.length < attemptsFor(shape))
    throw new Error(`workload needs ${attemptsFor(shape)} attempts, got ${attempts.length}`);
  const random = seededRandom(seed);
  const transactionIds = attempts.map((_, i) => 900_000_000 + i);
  const approved = (i: number) =>
    signedTransaction(transactionFor(attempts[i]!, { id: transactionIds[i]! }), hmacSecret);
  // The very body Paymob would send, with a signature made with the wrong key.
  const forged = (i: number) =>
    signedTransaction(transactionFor(attempts[i]!, { id: transactionIds[i]! }), FORGER_SECRET);

  const warmupTargets = range(0, shape.warmupOrders);
  const paidTargets = range(shape.warmupOrders, shape.warmupOrders + shape.paidOrders);
  const forgedTargets = range(shape.warmupOrders + shape.paidOrders, attemptsFor(shape));

  const warmup = phase(warmupTargets, [], shape, random, approved, forged, true);
  const measured = phase(paidTargets, forgedTargets, shape, random, approved, forged, false);
  return {
    plan: [...warmup, ...measured],
    attemptsNeeded: attemptsFor(shape),
    paidTargets: new Set([...warmupTargets, ...paidTargets]),
    forgedTargets: new Set(forgedTargets),
  };
}

type Signed = { rawBody: string; hmac: string };

function phase(
  paid: number[],
  forgedOnly: number[],
  shape: WorkloadShape,
  random: () => number,
  approved: (i: number) => Signed,
  forged: (i: number) => Signed,
  warmup: boolean,
): PlannedCallback[] {
  const queue: PlannedCallback[] = [];
  const signed = new Map<number, Signed>();
  const duplicates = Math.round(paid.length * shape.duplicateRatio);
  const invalid = Math.round(paid.length * shape.invalidRatio);
  const duplicated = shuffle([...paid], random).slice(0, duplicates);
  const concurrent = new Set(duplicated.slice(0, Math.ceil(duplicates / 2)));

  for (const target of shuffle([...paid], random)) {
    const body = approved(target);
    signed.set(target, body);
    queue.push({ kind: "new", target, ...body, warmup });
    if (concurrent.has(target)) queue.push({ kind: "duplicate", target, ...body, warmup });
  }
  const late: PlannedCallback[] = duplicated
    .filter((t) => !concurrent.has(t))
    .map((target) => ({ kind: "duplicate", target, ...signed.get(target)!, warmup }));
  // Forgeries aim at both kinds of order: half at orders that also get paid, half at orders that never do.
  const forgeryTargets = Array.from({ length: invalid }, (_, k) =>
    k % 2 === 0 || forgedOnly.length === 0
      ? paid[Math.floor(random() * paid.length)]!
      : forgedOnly[k % forgedOnly.length]!,
  );
  const forgeries: PlannedCallback[] = forgeryTargets.map((target) => ({
    kind: "invalid",
    target,
    ...forged(target),
    warmup,
  }));

  for (const item of [...late, ...forgeries]) {
    const original =
      item.kind === "duplicate" ? queue.findIndex((q) => q.kind === "new" && q.target === item.target) : -1;
    // A late duplicate lands anywhere after its original; a forgery anywhere at all.
    const from = original + 1;
    queue.splice(from + Math.floor(random() * (queue.length - from + 1)), 0, item);
  }
  return queue;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
