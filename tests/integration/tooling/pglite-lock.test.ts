import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimPgliteDir, embeddedServerUrl, readLock } from "@/db/pglite-lock";

const dirs: string[] = [];
const tempDataDir = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
  dirs.push(root);
  return path.join(root, "nested", "pglite");
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** A real second process that holds a lock on `dataDir` until stopped; `stop` resolves once it has exited. */
function otherProcessHolding(
  dataDir: string,
  port: number | null,
): Promise<{ pid: number; stop: () => Promise<void> }> {
  const lock = JSON.stringify(`${dataDir}.lock`);
  const child = spawn(process.execPath, [
    "-e",
    `require("fs").writeFileSync(${lock}, JSON.stringify({ pid: process.pid, port: ${port} })); console.log("locked"); setInterval(() => {}, 1000)`,
  ]);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stdout.once("data", () =>
      resolve({
        pid: child.pid!,
        stop: () => {
          child.kill("SIGKILL");
          return exited;
        },
      }),
    );
  });
}

describe("one process per PGlite folder", () => {
  it("creates missing parent folders and writes a lock with this pid, removed on release", () => {
    const dir = tempDataDir();
    const release = claimPgliteDir(dir);
    expect(readLock(`${dir}.lock`)?.pid).toBe(process.pid);
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses a folder another live process holds, and names it", async () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const other = await otherProcessHolding(dir, null);
    try {
      expect(() => claimPgliteDir(dir)).toThrow(new RegExp(`already open in process ${other.pid}`));
    } finally {
      await other.stop();
    }
  });

  it("points to the embedded server when the holder serves the folder, and only while it lives", async () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const other = await otherProcessHolding(dir, 45678);
    expect(embeddedServerUrl(dir)).toBe("postgres://postgres:postgres@127.0.0.1:45678/postgres");
    await other.stop();
    expect(embeddedServerUrl(dir)).toBeUndefined();
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const other = await otherProcessHolding(dir, null);
    await other.stop();
    const release = claimPgliteDir(dir);
    expect(readLock(`${dir}.lock`)?.pid).toBe(process.pid);
    release();
  });
});
