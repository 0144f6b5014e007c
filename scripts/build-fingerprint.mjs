// Whether `npm start` may serve the production build in the dist folder, or must run `next build` first.
// A build is current when it was made from the sources as they are now: after a successful build, with-db.mjs
// writes a fingerprint (a hash of every source file's path and content, and of the NEXT_PUBLIC_* values that
// `next build` inlines) beside it, and compares it at the next start. Checking only that a build exists served
// a template user's old build forever after their first edit.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const FINGERPRINT_FILE = "source-fingerprint";
// Never part of a build: editing them must not cost a rebuild.
const NOT_BUILT = [/^tests\//, /^docs\//, /^\.github\//, /^\.ci\//, /\.md$/];
// Without git: folders that are output, dependencies or local state, never sources.
const SKIPPED_DIRS = new Set(["node_modules", "out", "coverage", "playwright-report", "blob-report"]);

/**
 * The decision alone. `hasBuild`: BUILD_ID exists. `recorded`: the fingerprint written after that build, if it
 * was made through with-db.mjs. `current`: the sources' fingerprint now. `newerThanBuild`: a source file
 * modified after BUILD_ID, the only evidence for a build made by plain `next build` (tests, `npm run build`).
 * Returns why a build is needed, or undefined when the existing one is current.
 */
export function staleBuildReason({ hasBuild, recorded, current, newerThanBuild }) {
  if (!hasBuild) return "no production build yet";
  if (recorded === undefined) return newerThanBuild ? `${newerThanBuild} changed after the last build` : undefined;
  return recorded === current ? undefined : "the sources changed since the last build";
}

/** Checks the build in `distDir` against the sources under `root`; `record()` marks the sources as built. */
export function checkBuild({ root = process.cwd(), distDir = ".next", env = process.env } = {}) {
  const dist = path.resolve(root, distDir);
  const buildIdPath = path.join(dist, "BUILD_ID");
  const fingerprintPath = path.join(dist, FINGERPRINT_FILE);
  const files = sourceFiles(root, dist);
  const current = fingerprint(root, files, env);
  const builtAt = mtime(buildIdPath);
  const recorded = readText(fingerprintPath);
  const newerThanBuild =
    builtAt !== undefined && recorded === undefined
      ? files.find((f) => (mtime(path.join(root, f)) ?? 0) > builtAt)
      : undefined;
  const reason = staleBuildReason({ hasBuild: builtAt !== undefined, recorded, current, newerThanBuild });
  return { reason, record: () => fs.writeFileSync(fingerprintPath, `${current}\n`) };
}

function fingerprint(root, files, env) {
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0");
  for (const name of Object.keys(env)
    .filter((n) => n.startsWith("NEXT_PUBLIC_"))
    .sort())
    hash.update(`${name}=${env[name]}\0`);
  return hash.digest("hex");
}

/** Source files relative to `root`, sorted: what git tracks or would track (new files too), else a folder walk. */
function sourceFiles(root, dist) {
  let files;
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
    });
    files = out.toString("utf8").split("\0").filter(Boolean);
  } catch {
    files = walk(root, "", dist); // no git (a downloaded zip) or not a repository
  }
  const inDist = (f) => !path.relative(dist, path.join(root, f)).startsWith(".."); // a NEXT_DIST_DIR git does not ignore
  return [...new Set(files)]
    .filter((f) => !NOT_BUILT.some((re) => re.test(f)) && !inDist(f) && isFile(path.join(root, f)))
    .sort();
}

function walk(root, dir, dist) {
  const found = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      // Dot folders are VCS, editor, build (.next) and data (.data) folders.
      if (entry.name.startsWith(".") || SKIPPED_DIRS.has(entry.name) || path.join(root, rel) === dist) continue;
      found.push(...walk(root, rel, dist));
    } else if (entry.isFile() && !entry.name.startsWith(".env")) {
      found.push(rel); // .env files: only their NEXT_PUBLIC_* values reach the build, and those are hashed
    }
  }
  return found;
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile(); // a tracked file deleted from the work tree is listed but gone
  } catch {
    return false;
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function readText(file) {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return undefined;
  }
}
