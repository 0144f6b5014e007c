import { describe, expect, it } from "vitest";
import {
  unknownVisitor,
  visitorReducer,
  type VisitorEvent,
  type VisitorState,
} from "@/components/layout/visitor-state";

// The header's visitor in the browser: reads of /api/visitor and local events, applied in any arrival order.

const LAYLA = { label: "layla@example.com", isAdmin: false };
const read = (seq: number, cartCount: number, account: typeof LAYLA | null = LAYLA): VisitorEvent => ({
  type: "read",
  seq,
  answer: { cartCount, account },
});
const apply = (...events: VisitorEvent[]): VisitorState => events.reduce(visitorReducer, unknownVisitor);

describe("visitorReducer", () => {
  it("knows nothing before the first answer, so the header shows placeholders", () => {
    expect(unknownVisitor).toMatchObject({ cartCount: null, account: undefined });
  });

  it("takes a read's count and account", () => {
    expect(apply(read(1, 3))).toMatchObject({ cartCount: 3, account: LAYLA });
    expect(apply(read(1, 0, null))).toMatchObject({ cartCount: 0, account: null });
  });

  it("the newest read wins: a slow older answer arriving last is dropped", () => {
    expect(apply(read(2, 5), read(1, 3, null))).toMatchObject({ cartCount: 5, account: LAYLA });
    expect(apply(read(1, 3, null), read(2, 5))).toMatchObject({ cartCount: 5, account: LAYLA });
  });

  it("a cart action's answer settles the count; a read started before it cannot undo it", () => {
    const settled = apply(read(1, 1), { type: "cart-count", seq: 3, count: 2 }, read(2, 1));
    expect(settled).toMatchObject({ cartCount: 2, account: LAYLA });
    // A read started after the action answered is newer, and wins (another tab may have changed the cart since).
    expect(visitorReducer(settled, read(4, 0))).toMatchObject({ cartCount: 0 });
  });

  it("a cart answer before the first read leaves that read's account to fill in", () => {
    expect(apply({ type: "cart-count", seq: 2, count: 1 }, read(1, 0))).toMatchObject({
      cartCount: 1,
      account: LAYLA,
    });
  });

  it("signing out forgets the account at once, and a read started before it cannot bring it back", () => {
    const out = apply(read(1, 2), { type: "signed-out", seq: 3 }, read(2, 2));
    expect(out).toMatchObject({ cartCount: 2, account: null });
    expect(visitorReducer(out, read(4, 2, { label: "Nour", isAdmin: true }))).toMatchObject({
      account: { label: "Nour", isAdmin: true },
    });
  });

  it("an event older than both fields changes nothing (the same state object, so nothing re-renders)", () => {
    const state = apply(read(5, 1));
    expect(visitorReducer(state, read(4, 9))).toBe(state);
    expect(visitorReducer(state, { type: "cart-count", seq: 3, count: 9 })).toBe(state);
    expect(visitorReducer(state, { type: "signed-out", seq: 3 })).toBe(state);
  });
});
