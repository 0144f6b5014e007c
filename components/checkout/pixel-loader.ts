// Loads Paymob's Pixel script (an ES module that defines window.Pixel) and its stylesheets once per page.
// Only the Pixel page imports this, so no other page ever downloads Pixel.
// Not next/script: it keeps a failed src's rejected promise forever (so a remount could never retry), has no
// deadline, and reports through callbacks where the caller awaits one promise. The CSP allows the Pixel host by
// source (no 'strict-dynamic', lib/security-headers.ts), so the nonce plays no part either way.

const scripts = new Map<string, Promise<void>>();

/** Why the card form is missing, for the shopper's sentence; `message` is the developer's detail (the console). */
export type PixelLoadFailure = "timeout" | "network" | "broken";

class PixelLoadError extends Error {
  constructor(
    readonly reason: PixelLoadFailure,
    message: string,
  ) {
    super(message);
    this.name = "PixelLoadError";
  }
}

/** The reason behind any error of loading or starting Pixel: a script that ran but threw is "broken". */
export function pixelLoadFailure(error: unknown): PixelLoadFailure {
  return error instanceof PixelLoadError ? error.reason : "broken";
}

export function loadPixelAssets(script: string, styles: readonly string[], timeoutMs: number): Promise<void> {
  for (const href of styles) addStylesheet(href);
  let loading = scripts.get(script);
  if (!loading) {
    loading = addModuleScript(script);
    // A failed load may be retried (the Reload button does a full reload, but a remount should too).
    loading.catch(() => scripts.delete(script));
    scripts.set(script, loading);
  }
  return withTimeout(
    loading,
    timeoutMs,
    `Paymob's Pixel script did not load within ${timeoutMs / 1000} s (${script}).`,
  );
}

function addModuleScript(src: string): Promise<void> {
  if (typeof window.Pixel === "function") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const element = document.createElement("script");
    element.type = "module"; // how Paymob's docs load it
    element.src = src;
    element.async = true;
    element.dataset.paymobPixel = "";
    element.addEventListener("load", () => resolve(), { once: true });
    element.addEventListener(
      "error",
      () => reject(new PixelLoadError("network", `Paymob's Pixel script failed to load (${src}).`)),
      {
        once: true,
      },
    );
    document.head.appendChild(element);
  });
}

function addStylesheet(href: string): void {
  if (document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  document.head.appendChild(link);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new PixelLoadError("timeout", message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
