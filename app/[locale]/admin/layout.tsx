import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminRegionProvider } from "@/components/admin/admin-format";
import { SegmentMessages } from "@/components/i18n/segment-messages";
import { requireAdmin } from "@/lib/admin/guard";
import { segmentMessages } from "@/lib/i18n/client-messages";
import { Link } from "@/lib/i18n/navigation";
import { storeRegion } from "@/lib/store";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// Guarded here so a non-admin's 404 never renders inside the admin chrome, and again in every page and action
// (a layout is not re-run on client navigation, so it cannot be the only check).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();
  const t = await getTranslations("admin.nav");
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <div className="mb-6 flex items-center justify-between border-b border-stone-200 pb-3 text-sm">
        <nav aria-label={t("label")} className="flex items-center gap-4">
          <Link href="/admin" className="font-semibold">
            {t("home")}
          </Link>
          <Link href="/admin" className="underline">
            {t("orders")}
          </Link>
          <Link href="/admin/products" className="underline">
            {t("products")}
          </Link>
        </nav>
        <bdi className="text-stone-600">{admin.verifiedEmail}</bdi>
      </div>
      <SegmentMessages messages={await segmentMessages("admin")}>
        <AdminRegionProvider region={storeRegion()}>{children}</AdminRegionProvider>
      </SegmentMessages>
    </div>
  );
}
