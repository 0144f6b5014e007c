// Which Pixel script the Pixel page loads: PAYMOB_PIXEL_BUILD (README, environment table; docs/paymob.md
// § "Pixel"). The choice also decides which Paymob hosts the Content-Security-Policy allows, because each build
// talks to its own hard-coded hosts.
//   emulator            the built-in emulator's Pixel-compatible script (the default without Paymob keys)
//   paymob-pixel        the build Paymob's docs load from jsDelivr (the default with keys)
//   paymob-pixel-alpha  the build Paymob publishes on npm, wired to Paymob's staging hosts; with the emulator it
//                       runs Paymob's own Pixel code against the emulator (the e2e suite routes those hosts to it)

type Env = Record<string, string | undefined>;

const PIXEL_BUILDS = ["emulator", "paymob-pixel", "paymob-pixel-alpha"] as const;
export type PixelBuild = (typeof PIXEL_BUILDS)[number];

const isPixelBuild = (value: string): value is PixelBuild => (PIXEL_BUILDS as readonly string[]).includes(value);

/**
 * The configured build, or the default for the mode. Throws a sentence naming the variable when the value is
 * unknown or cannot work: the emulator's script needs the emulator, and the staging build cannot take live keys.
 */
export function pixelBuild(env: Env, mode: "emulator" | "test" | "live"): PixelBuild {
  const value = env.PAYMOB_PIXEL_BUILD?.trim().toLowerCase() || (mode === "emulator" ? "emulator" : "paymob-pixel");
  if (!isPixelBuild(value))
    throw new Error(`PAYMOB_PIXEL_BUILD must be one of ${PIXEL_BUILDS.join(", ")} (got "${value}").`);
  if (value === "emulator" && mode !== "emulator")
    throw new Error(
      "PAYMOB_PIXEL_BUILD=emulator needs the built-in emulator, which is off with Paymob keys: remove the variable.",
    );
  if (value === "paymob-pixel-alpha" && mode === "live")
    throw new Error("PAYMOB_PIXEL_BUILD=paymob-pixel-alpha talks to Paymob's staging hosts: it cannot take live keys.");
  return value;
}
