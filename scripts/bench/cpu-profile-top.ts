// node --import tsx scripts/bench/cpu-profile-top.ts <file.cpuprofile> [count]
// Prints where a V8 CPU profile (node --cpu-prof) spent its time: self time per function and per package.
import fs from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, countText] = process.argv.slice(2);
if (!file) throw new Error("usage: cpu-profile-top.ts <file.cpuprofile> [count]");
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const packageOf = (url: string) => {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes("/.next")) return "(app bundle)";
  if (url.startsWith("node:") || url === "") return "(node / native)";
  return url.split("/").slice(-2).join("/");
};
const fn = new Map<string, number>();
const pkg = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  pkg.set(packageOf(url), (pkg.get(packageOf(url)) ?? 0) + us);
}
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
    .join("\n");
console.log(
  `total sampled: ${(total / 1000).toFixed(0)} ms\n\nby package:\n${top(pkg, 15)}\n\nby function (self time):\n${top(fn, Number(countText ?? 30))}`,
);
