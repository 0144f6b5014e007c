/** The store's mark: the sun over the Nile, as a tiny inline SVG (no request, inherits nothing). */
export function LogoMark() {
  return (
    <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="16" fill="#8f4a17" />
      <circle cx="16" cy="13" r="6" fill="#f5c56b" />
      <path
        d="M5 21c4-2 7 2 11 0s7-2 11 0M7 25c3-1.5 6 1.5 9 0s6-1.5 9 0"
        fill="none"
        stroke="#fdf7ef"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
