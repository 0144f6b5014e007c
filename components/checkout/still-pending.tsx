import { secondaryButton } from "@/components/ui/button-styles";

/**
 * What the return page says once polling has given up on a payment Paymob has not settled: the reference to quote,
 * that the confirmation comes by email, a way to look again, and a person to write to. Never a spinner.
 */
export function StillPending({
  reference,
  supportEmail,
  onCheckAgain,
}: {
  reference: string;
  supportEmail: string;
  onCheckAgain: () => void;
}) {
  const mailto = `mailto:${supportEmail}?${new URLSearchParams({ subject: `Order ${reference}` })}`.replaceAll(
    "+",
    "%20",
  );
  return (
    <div className="flex flex-col gap-3 rounded-xl bg-white/70 p-4 text-sm" data-testid="still-pending">
      <h2 className="text-base font-semibold">Your payment is still being confirmed</h2>
      <p>
        Paymob has not confirmed it yet; this can take a few minutes. Your order reference is{" "}
        <strong>{reference}</strong>, and we&apos;ll email you when it&apos;s confirmed.
      </p>
      <div>
        <button type="button" onClick={onCheckAgain} className={secondaryButton}>
          Check again
        </button>
      </div>
      <p>
        Questions? Write to{" "}
        <a href={mailto} className="font-medium underline">
          {supportEmail}
        </a>{" "}
        and quote {reference}.
      </p>
    </div>
  );
}
