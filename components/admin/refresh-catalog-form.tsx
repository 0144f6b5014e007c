"use client";

import { useActionState } from "react";
import { refreshCatalogAction } from "@/lib/admin/actions";
import { ActionButton } from "./action-button";
import { CATALOG_IDLE, CatalogMessage } from "./catalog-message";

/** Expires the cached catalog, for prices or products changed straight in the database (a seed, a SQL fix). */
export function RefreshCatalogForm() {
  const [state, action, pending] = useActionState(refreshCatalogAction, CATALOG_IDLE);
  return (
    <form action={action} aria-label="Refresh the catalog">
      <ActionButton tone="quiet" label="Refresh the catalog" pending={pending} pendingLabel="Refreshing…" />
      <span className="ms-2 text-xs text-stone-600">
        After changing products in the database directly; prices set here show at once.
      </span>
      <CatalogMessage state={state} />
    </form>
  );
}
