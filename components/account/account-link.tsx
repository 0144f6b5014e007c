import Link from "next/link";
import { asAdmin } from "@/lib/admin/guard";
import { signOutAction } from "@/lib/auth/actions";
import { getViewer } from "@/lib/auth/session";

/** The header's account entry: "Sign in", or a small menu (orders, admin for admins, sign out). No JS needed. */
export async function AccountLink() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <Link href="/login" className="text-sm font-medium hover:underline">
        Sign in
      </Link>
    );
  }
  const label = viewer.name || viewer.email || "Account";
  return (
    <details className="relative">
      <summary
        className="cursor-pointer list-none text-sm font-medium hover:underline"
        aria-label={`Account menu for ${label}`}
      >
        Account
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-56 rounded-md border border-stone-200 bg-white p-2 text-sm shadow-lg">
        <p className="truncate px-2 py-1 text-stone-500" title={label}>
          {label}
        </p>
        <Link href="/account/orders" className="block rounded px-2 py-1.5 hover:bg-stone-100">
          Your orders
        </Link>
        <Link href="/account/cards" className="block rounded px-2 py-1.5 hover:bg-stone-100">
          Saved cards
        </Link>
        {asAdmin(viewer) ? (
          <Link href="/admin" className="block rounded px-2 py-1.5 hover:bg-stone-100">
            Admin
          </Link>
        ) : null}
        <form action={signOutAction}>
          <button type="submit" className="block w-full rounded px-2 py-1.5 text-left hover:bg-stone-100">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
