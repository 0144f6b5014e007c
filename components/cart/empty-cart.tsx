import { Link } from "@/lib/i18n/navigation";
import { primaryButton } from "@/components/ui/button-styles";

export function EmptyCart() {
  return (
    <div className="flex flex-col items-center gap-4 rounded-2xl border border-brand-200 bg-white px-6 py-14 text-center">
      <p className="text-lg font-semibold">Your cart is empty.</p>
      <p className="text-muted">Mugs, oils, cotton and brass are waiting in the catalog.</p>
      <Link href="/" className={primaryButton}>
        Back to the shop
      </Link>
    </div>
  );
}
