"use client";

import { createContext, use, useId, type ComponentProps, type ReactNode } from "react";

// Pairs of elements joined by an id (a label and its control, a region and its heading) in Server Component
// markup. A fixed id breaks once Next keeps visited pages mounted but hidden (Cache Components' <Activity>): the
// hidden page's copy comes first in the document, so a label would focus, and aria-labelledby would name, the
// hidden one. useId in a Server Component does not help: each RSC request counts from the same start with no
// prefix ("_S_1_", see react-server-dom's useId), so two pages fetched separately get the same ids. useId here,
// on the client, is unique in the document (server-rendered ids are positional, client-made ones a running count).

const ScopeId = createContext<string | null>(null);

function useScopeId(): string {
  const id = use(ScopeId);
  if (!id) throw new Error("A scoped-id part must sit inside an <IdScope> or a <Region>.");
  return id;
}

/** One id, from useId, shared by the Scoped* parts inside it. */
export function IdScope({ children }: { children: ReactNode }) {
  return <ScopeId value={useId()}>{children}</ScopeId>;
}

export function ScopedLabel(props: Omit<ComponentProps<"label">, "htmlFor">) {
  return <label {...props} htmlFor={useScopeId()} />;
}

export function ScopedInput(props: Omit<ComponentProps<"input">, "id">) {
  return <input {...props} id={useScopeId()} />;
}

export function ScopedSelect(props: Omit<ComponentProps<"select">, "id">) {
  return <select {...props} id={useScopeId()} />;
}

/** A <section> named by a <RegionTitle> anywhere inside it (aria-labelledby). */
export function Region({ children, ...props }: Omit<ComponentProps<"section">, "aria-labelledby" | "ref">) {
  const id = useId();
  return (
    <ScopeId value={id}>
      <section {...props} aria-labelledby={id}>
        {children}
      </section>
    </ScopeId>
  );
}

/** The heading that names its <Region>. */
export function RegionTitle({
  as: Heading = "h2",
  ...props
}: { as?: "h1" | "h2" | "h3" } & Omit<ComponentProps<"h2">, "id">) {
  return <Heading {...props} id={useScopeId()} />;
}
