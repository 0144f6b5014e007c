import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// What `npm start` (scripts/with-db.mjs) decides before `next start`: serve the build, or build first.
import { checkBuild, staleBuildReason } from "../../scripts/build-fingerprint.mjs";

describe("whether npm start must rebuild", () => {
  it("builds when there is no build, or the sources differ from the ones it was made from", () => {
    expect(staleBuildReason({ hasBuild: false, current: "a" })).toMatch(/no production build/);
    // The old rule looked at BUILD_ID alone and served this build forever.
    expect(staleBuildReason({ hasBuild: true, recorded: "a", current: "b" })).toMatch(/sources changed/);
    expect(staleBuildReason({ hasBuild: true, recorded: "a", current: "a" })).toBeUndefined();
  });

  it("trusts a plain `next build` (no fingerprint) unless a source file is newer than it", () => {
    expect(staleBuildReason({ hasBuild: true, current: "a" })).toBeUndefined();
    expect(staleBuildReason({ hasBuild: true, current: "a", newerThanBuild: "app/page.tsx" })).toMatch(
      /app\/page\.tsx changed/,
    );
  });
});

describe("the fingerprint of a project folder", () => {
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  /** A project without git (a downloaded zip), built once through with-db.mjs. */
  function builtProject(): string {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "build-fingerprint-"));
    fs.mkdirSync(path.join(root, "app"));
    fs.mkdirSync(path.join(root, "tests"));
    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default () => 'old';\n");
    fs.writeFileSync(path.join(root, "tests/page.test.ts"), "// a test\n");
    fs.writeFileSync(path.join(root, "package-lock.json"), "{}\n");
    fs.mkdirSync(path.join(root, ".next"));
    fs.writeFileSync(path.join(root, ".next/BUILD_ID"), "build-1");
    checkBuild({ root, env: {} }).record();
    return root;
  }

  it("is current until a source, the lockfile or a NEXT_PUBLIC_ value changes, and ignores tests and the build", () => {
    builtProject();
    expect(checkBuild({ root, env: {} }).reason).toBeUndefined();
    fs.writeFileSync(path.join(root, "tests/page.test.ts"), "// edited\n");
    fs.writeFileSync(path.join(root, ".next/trace"), "build output");
    expect(checkBuild({ root, env: { AUTH_SECRET: "runtime only" } }).reason).toBeUndefined();
    expect(checkBuild({ root, env: { NEXT_PUBLIC_SHOP: "x" } }).reason).toMatch(/sources changed/);

    fs.writeFileSync(path.join(root, "app/page.tsx"), "export default () => 'new';\n");
    expect(checkBuild({ root, env: {} }).reason).toMatch(/sources changed/);
  });

  it("notices a new file and a removed one", () => {
    builtProject();
    fs.writeFileSync(path.join(root, "app/extra.ts"), "export {};\n");
    expect(checkBuild({ root, env: {} }).reason).toMatch(/sources changed/);
    fs.rmSync(path.join(root, "app/extra.ts"));
    expect(checkBuild({ root, env: {} }).reason).toBeUndefined();
    fs.writeFileSync(path.join(root, "package-lock.json"), '{"lockfileVersion":3}\n');
    expect(checkBuild({ root, env: {} }).reason).toMatch(/sources changed/);
  });
});
