"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "@/lib/i18n/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { LineIcon } from "@/components/ui/line-icon";

/**
 * The phone menu: a <details> disclosure, so it opens and closes without JavaScript and a screen reader announces
 * it as expanded or collapsed. With JavaScript it also closes after a navigation (a client-side page change
 * keeps the header mounted, and a search from /search stays on the same path, so a submit closes it too), on Escape (focus returns to the button) and on a tap outside it.
 */
export function PhoneMenu({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  const t = useTranslations("layout");

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (details.open && !details.contains(event.target as Node)) details.open = false;
    };
    const onSubmit = () => (details.open = false);
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element).closest("a")) details.open = false; // "All products" while on it
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    details.addEventListener("submit", onSubmit);
    details.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      details.removeEventListener("submit", onSubmit);
      details.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <details ref={ref} className="group">
      {/* The universal three-bar icon, named for screen readers: a word would not fit beside the cart at 390 px. */}
      <summary className="inline-flex size-9 cursor-pointer list-none items-center justify-center rounded-full border border-brand-200 bg-white hover:border-brand-700 [&::-webkit-details-marker]:hidden">
        <MenuIcon />
        <span className="sr-only">{t("menu")}</span>
      </summary>
      {/* Positioned against the header, so the panel spans the screen under it. */}
      <div className="absolute inset-x-0 top-full z-30 border-b border-brand-200 bg-white px-4 pt-4 pb-5 shadow-lg">
        {children}
      </div>
    </details>
  );
}

function MenuIcon() {
  return (
    <LineIcon size={20}>
      <path className="group-open:hidden" d="M4 7h16M4 12h16M4 17h16" />
      <path className="hidden group-open:block" d="M6 6l12 12M18 6 6 18" />
    </LineIcon>
  );
}
