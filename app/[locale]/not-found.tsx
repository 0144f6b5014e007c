import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { primaryButton } from "@/components/ui/button-styles";

export default async function NotFound() {
  // Rendered per request, as it was while the root layout read the cart cookie: its header reads the catalog's
  // shelves (never at build time, when there is no database) and its scripts need the request's CSP nonce.
  await connection();
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col items-center gap-4 px-4 py-20 text-center">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">404</p>
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">We couldn’t find that page</h1>
      <p className="text-muted">
        It may have moved, or the link may be mistyped. Everything we sell is in the catalog.
      </p>
      <Link href="/" className={primaryButton}>
        Back to the shop
      </Link>
    </main>
  );
}
