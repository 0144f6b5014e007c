"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { refreshCatalogAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { CATALOG_IDLE, CatalogMessage } from "./catalog-message";

/** Expires the cached catalog, for prices or products changed straight in the database (a seed, a SQL fix). */
export function RefreshCatalogForm() {
  const [state, action, pending] = useActionState(refreshCatalogAction, CATALOG_IDLE);
  const t = useTranslations("admin.products");
  return (
    <form action={action} aria-label={t("refreshForm")}>
      <ActionButton tone="quiet" label={t("refresh")} pending={pending} pendingLabel={t("refreshing")} />
      <span className="ms-2 text-xs text-stone-600">{t("refreshHint")}</span>
      <CatalogMessage state={state} />
    </form>
  );
}
