import type { ReactNode } from "react";

/**
 * A decorative line icon on a 24-unit grid, drawn in the text colour: hidden from assistive technology (the
 * control it sits in carries the name) and never a tab stop (focusable="false" is for old Edge/IE SVGs).
 */
export function LineIcon({
  size = 18,
  strokeWidth = 2,
  children,
}: {
  size?: number;
  strokeWidth?: number;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}
