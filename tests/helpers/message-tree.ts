/** A language's messages as loaded: namespaces and keys down to ICU strings. */
export type Tree = { [key: string]: string | Tree };

/** "ns.key.sub" → message, for every leaf. */
export function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}
