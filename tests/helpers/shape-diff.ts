// Compares two JSON values by shape only: which keys exist and what JSON type each value has (null, number,
// string, boolean, array, object), recursively. Values themselves never matter: ids, dates and amounts differ
// between any two real payloads. Used by the emulator's contract tests against Paymob's public samples.

export type JsonKind = "null" | "number" | "string" | "boolean" | "array" | "object";

export const jsonKind = (value: unknown): JsonKind =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : (typeof value as "number" | "string" | "boolean" | "object");

/**
 * One difference: `missing` (the sample has the key, the emulator does not), `extra` (the other way round) or
 * `type` (both have it, with different JSON types). Array elements are compared through their first element,
 * written `items[]` in the path.
 */
export type ShapeDifference = { path: string; kind: "missing" | "extra" | "type"; detail?: string };

export function shapeDiff(sample: unknown, actual: unknown, path = ""): ShapeDifference[] {
  const a = jsonKind(sample);
  const b = jsonKind(actual);
  if (a !== b) return [{ path, kind: "type", detail: `sample ${a}, emulator ${b}` }];
  if (a === "array") {
    const [first] = sample as unknown[];
    const [mine] = actual as unknown[];
    return first === undefined || mine === undefined ? [] : shapeDiff(first, mine, `${path}[]`);
  }
  if (a !== "object") return [];
  const s = sample as Record<string, unknown>;
  const e = actual as Record<string, unknown>;
  const out: ShapeDifference[] = [];
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(s)) {
    if (!(key in e)) out.push({ path: at(key), kind: "missing" });
    else out.push(...shapeDiff(s[key], e[key], at(key)));
  }
  for (const key of Object.keys(e)) if (!(key in s)) out.push({ path: at(key), kind: "extra" });
  return out;
}

/**
 * A difference the contract accepts, and why. `path` may end in `.*` to cover everything below a key (for a
 * subtree the emulator has no notion of, such as a merchant's dashboard profile).
 */
export type Allowed = { path: string; kind: ShapeDifference["kind"]; reason: string };

const covers = (allowed: Allowed, d: ShapeDifference) =>
  allowed.kind === d.kind &&
  (allowed.path === d.path || (allowed.path.endsWith(".*") && d.path.startsWith(allowed.path.slice(0, -1))));

/** What is left once the allowed differences are taken out, and which allowances nothing needed (stale). */
export function unexplained(differences: ShapeDifference[], allowed: Allowed[]) {
  return {
    unexplained: differences.filter((d) => !allowed.some((a) => covers(a, d))),
    unused: allowed.filter((a) => !differences.some((d) => covers(a, d))).map((a) => `${a.kind} ${a.path}`),
  };
}
