"use client";

import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useOptimistic,
  useReducer,
  useRef,
  type ReactNode,
} from "react";
import { fetchVisitor, type VisitorAccount } from "@/lib/visitor/answer";
import { unknownVisitor, visitorReducer } from "./visitor-state";

type Visitor = {
  /** The header's number: null until the first answer; an optimistic number while a cart change is in flight. */
  cartCount: number | null;
  /** undefined until the first answer, null when signed out. */
  account: VisitorAccount | null | undefined;
  /**
   * Inside a transition, for the cart's own changes: the badge moves with the click. A change of the count, not a
   * number, so that it also applies to a read that answers while the action is on its way (nothing shows while the
   * count is unknown).
   */
  changeCountOptimistically: (change: (count: number) => number) => void;
  /** A cart action's answer (or a page's read of the cart): the count the server has now. */
  cartCountIs: (count: number) => void;
  /** "Sign out" was pressed: the menu forgets the account before the server's redirect arrives. */
  signedOut: () => void;
  /** Ask /api/visitor again, when something may have changed that no answer here says. */
  reread: () => void;
};

const VisitorContext = createContext<Visitor>({
  cartCount: null,
  account: undefined,
  changeCountOptimistically: () => {},
  cartCountIs: () => {},
  signedOut: () => {},
  reread: () => {},
});

/**
 * The visitor, as the header shows it, held in the browser (see visitor-state.ts for why and the ordering rules).
 * Read on mount and whenever the tab becomes visible again (another tab may have changed the cart or the
 * session); cart actions and "Sign out" update it themselves without a request. The root layout renders this
 * once, and it survives client navigations.
 */
export function VisitorProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(visitorReducer, unknownVisitor);
  const [cartCount, changeCountOptimistically] = useOptimistic(
    state.cartCount,
    (count: number | null, change: (count: number) => number) => (count === null ? null : change(count)),
  );
  const lastSeq = useRef(0);

  const reread = useCallback(() => {
    const seq = ++lastSeq.current;
    void fetchVisitor().then((answer) => answer && dispatch({ type: "read", seq, answer }));
  }, []);
  // Numbered when the answer arrives, not when the action was sent: a read started in between may have been
  // served before the action's write, so only reads started after this answer may replace it.
  const cartCountIs = useCallback(
    (count: number) => dispatch({ type: "cart-count", seq: ++lastSeq.current, count }),
    [],
  );
  const signedOut = useCallback(() => dispatch({ type: "signed-out", seq: ++lastSeq.current }), []);

  useEffect(() => {
    reread();
    const onVisible = () => {
      if (document.visibilityState === "visible") reread();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [reread]);

  const visitor = useMemo(
    () => ({ cartCount, account: state.account, changeCountOptimistically, cartCountIs, signedOut, reread }),
    [cartCount, state.account, changeCountOptimistically, cartCountIs, signedOut, reread],
  );
  return <VisitorContext value={visitor}>{children}</VisitorContext>;
}

export function useVisitor(): Visitor {
  return use(VisitorContext);
}

/**
 * Rendered by a page that read the visitor's cart after its own data (the checkout return page reads it after
 * the order, whose paid callback may have just emptied the cart), so the header agrees with the page without a
 * request of its own. Reported again whenever a refresh of the page brings a different number.
 */
export function ReportCartCount({ count }: { count: number }) {
  const { cartCountIs } = useVisitor();
  useEffect(() => cartCountIs(count), [cartCountIs, count]);
  return null;
}
