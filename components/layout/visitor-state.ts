import type { VisitorAccount, VisitorAnswer } from "@/lib/visitor/answer";

/**
 * What the header knows about the visitor, in the browser. Pages carry nothing of it (they can be shared by every
 * visitor), so it starts unknown and is filled by reads of /api/visitor and by what the visitor's own actions say.
 *
 * Every event carries a sequence number, handed out in order when a read starts or when a local event happens.
 * Each field keeps the number of the event that last set it, and an older event never overwrites a newer one:
 * a slow read that started before a cart action answered (or before "Sign out") cannot bring back what the
 * visitor has since changed. The fields are tracked apart so that a cart action does not discard a pending read's
 * account, nor "Sign out" its count.
 */
export type VisitorState = {
  /** null until known: the header shows "Cart" with no number. */
  cartCount: number | null;
  /** undefined until known, null when signed out. */
  account: VisitorAccount | null | undefined;
  cartSeq: number;
  accountSeq: number;
};

export type VisitorEvent =
  /** An answer of /api/visitor; `seq` was taken when the request started. */
  | { type: "read"; seq: number; answer: VisitorAnswer }
  /** A cart action's own answer (the cart it returns), or a page's read of the count. */
  | { type: "cart-count"; seq: number; count: number }
  /** The visitor pressed "Sign out": forget the account now, before the server's redirect arrives. */
  | { type: "signed-out"; seq: number };

export const unknownVisitor: VisitorState = { cartCount: null, account: undefined, cartSeq: 0, accountSeq: 0 };

export function visitorReducer(state: VisitorState, event: VisitorEvent): VisitorState {
  switch (event.type) {
    case "read": {
      const cart = event.seq > state.cartSeq;
      const account = event.seq > state.accountSeq;
      if (!cart && !account) return state;
      return {
        cartCount: cart ? event.answer.cartCount : state.cartCount,
        cartSeq: cart ? event.seq : state.cartSeq,
        account: account ? event.answer.account : state.account,
        accountSeq: account ? event.seq : state.accountSeq,
      };
    }
    case "cart-count":
      return event.seq > state.cartSeq ? { ...state, cartCount: event.count, cartSeq: event.seq } : state;
    case "signed-out":
      return event.seq > state.accountSeq ? { ...state, account: null, accountSeq: event.seq } : state;
  }
}
