// Styles for the Pixel container the script renders in the merchant page (/pixel/main.css).
export const PIXEL_MAIN_CSS = `.paymob-emu-pixel{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#10201c}
.paymob-emu-badge{display:inline-block;margin:0 0 .5rem;padding:.15rem .5rem;border-radius:999px;background:#fde68a;color:#3b2a00;font-size:.75rem;font-weight:700;letter-spacing:.06em}
.paymob-emu-note{margin:0 0 .5rem;font-size:.85rem;color:#4b5d58}
.paymob-emu-frame{display:block;width:100%;border:0;min-height:120px;transition:height .15s ease}
.paymob-emu-errors{margin:.25rem 0;padding-inline-start:1.25rem;color:#b42318;font-size:.9rem}
.paymob-emu-check{display:flex;gap:.5rem;align-items:center;margin:.5rem 0;font-size:.9rem}
.paymob-emu-error{min-height:1.25rem;margin:.25rem 0;color:#b42318;font-size:.9rem}
.paymob-emu-pay{width:100%;padding:.75rem 1rem;border:0;border-radius:8px;background:#0f766e;color:#fff;font:inherit;font-weight:700;cursor:pointer}
.paymob-emu-pay[disabled]{opacity:.6;cursor:progress}
.paymob-emu-pay:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
`;
