// Styles for the Pixel container the script renders in the merchant page (/pixel/main.css).
export const PIXEL_MAIN_CSS = `.paymob-emu-pixel{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#10201c}
.paymob-emu-badge{display:inline-block;margin:0 0 .5rem;padding:.15rem .5rem;border-radius:999px;background:#fde68a;color:#3b2a00;font-size:.75rem;font-weight:700;letter-spacing:.06em}
.paymob-emu-note{margin:0 0 .5rem;font-size:.85rem;color:#4b5d58}
.paymob-emu-frame{display:block;width:100%;border:0;min-height:120px;transition:height .15s ease}
.paymob-emu-errors{margin:.25rem 0;padding-inline-start:1.25rem;color:#b42318;font-size:.9rem}
.paymob-emu-check{display:flex;gap:.5rem;align-items:center;margin:.5rem 0;font-size:.9rem}
.paymob-emu-error{min-height:1.25rem;margin:.25rem 0;color:#b42318;font-size:.9rem}
.paymob-emu-label{margin:.25rem 0 .5rem;font-weight:600}
.paymob-emu-saved-list{display:flex;flex-direction:column;gap:.5rem}
.paymob-emu-saved{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.5rem .75rem;border:1px solid #cfd8d5;border-radius:12px;background:#fff}
.paymob-emu-saved.paymob-emu-selected{border-color:#2563eb;background:#f5f8ff}
.paymob-emu-saved-pick{flex:1 1 12rem;display:flex;align-items:center;gap:.5rem;padding:.35rem 0;border:0;background:none;color:inherit;font:inherit;font-weight:600;text-align:start;cursor:pointer}
.paymob-emu-saved-pick[disabled]{cursor:not-allowed;opacity:.7}
.paymob-emu-brand{padding:.1rem .4rem;border:1px solid #e3e8e6;border-radius:6px;font-size:.7rem;letter-spacing:.04em}
.paymob-emu-expired{color:#b42318;font-weight:400}
.paymob-emu-cvv{flex:0 0 11rem;height:80px;border:0}
.paymob-emu-add{display:block;width:100%;margin:.75rem 0;padding:.75rem 1rem;border:1px dashed #93b4f5;border-radius:12px;background:#fff;color:#1d4ed8;font:inherit;font-weight:600;cursor:pointer}
.paymob-emu-add:focus-visible,.paymob-emu-saved-pick:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
.paymob-emu-pay{width:100%;padding:.75rem 1rem;border:0;border-radius:8px;background:#0f766e;color:#fff;font:inherit;font-weight:700;cursor:pointer}
.paymob-emu-pay[disabled]{opacity:.6;cursor:progress}
.paymob-emu-pay:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
`;
