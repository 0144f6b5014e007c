// Shared class lists, so buttons and button-like links look and focus the same everywhere.
const base =
  "inline-flex items-center justify-center gap-2 rounded-full font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-progress";

export const primaryButton = `${base} bg-brand-700 px-5 py-2.5 text-sm text-white hover:bg-brand-800 active:bg-brand-900`;
export const secondaryButton = `${base} border border-brand-700 bg-white px-5 py-2.5 text-sm text-brand-800 hover:bg-brand-100`;
export const iconButton =
  "inline-flex size-9 items-center justify-center rounded-full border border-stone-300 bg-white text-lg font-semibold text-ink hover:border-brand-700 hover:text-brand-800 aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:border-stone-300";
