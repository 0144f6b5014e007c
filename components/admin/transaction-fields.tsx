/** The payment an admin form acts on. */
export type TransactionRef = {
  reference: string;
  attemptId: string;
  /** The Paymob transaction (a capture, a sale or an authorisation) to capture, refund or void. */
  transactionId: number;
};

/** Names the payment in the form; the server re-reads the order and checks all three. */
export function TransactionFields({ reference, attemptId, transactionId }: TransactionRef) {
  return (
    <>
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="transactionId" value={transactionId} />
    </>
  );
}
