// `node --import tsx --import ./tests/helpers/server-only-stub.mjs script.ts` runs server code outside Next:
// `server-only` throws anywhere but in React Server Components, and the react-server condition that silences
// it also swaps React for a build without client APIs that next/navigation needs. Vitest aliases it the same
// way (vitest.config.ts).
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
