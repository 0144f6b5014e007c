import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/admin/guard";

export const metadata: Metadata = { title: "Admin", robots: { index: false, follow: false } };

// Guarded here so a non-admin's 404 never renders inside the admin chrome, and again in every page and action
// (a layout is not re-run on client navigation, so it cannot be the only check).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="mb-6 flex items-center justify-between border-b border-stone-200 pb-3 text-sm">
        <nav aria-label="Admin" className="flex items-center gap-4">
          <Link href="/admin" className="font-semibold">
            Store admin
          </Link>
          <Link href="/admin" className="underline">
            Orders
          </Link>
          <Link href="/admin/products" className="underline">
            Products
          </Link>
        </nav>
        <span className="text-stone-600">{admin.verifiedEmail}</span>
      </div>
      {children}
    </div>
  );
}
