import fs from "node:fs";
import path from "node:path";

/**
 * A PGlite folder opened by two processes is corrupted silently (no error, then `Aborted()` forever).
 * So whoever opens it first writes `<dir>.lock` with its pid; a second process fails loudly instead.
 * Returns a release function. A lock left by a dead process is taken over.
 */
export function claimPgliteDir(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true }); // PGlite's own mkdir is not recursive
  const lockPath = `${dataDir}.lock`;
  const body = JSON.stringify({ pid: process.pid, port: null });
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(lockPath, body, { flag: "wx" });
      const release = () => {
        try {
          if (readLock(lockPath)?.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new Error(
          `The embedded database ${dataDir} is already open in process ${holder.pid}` +
            (holder.port
              ? ` (serving on 127.0.0.1:${holder.port}). Run your command through \`node scripts/with-db.mjs\` or the npm scripts, which share it.`
              : ". Stop that process first: two processes on one PGlite folder corrupt it."),
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

/** Records in this process's lock that it now serves the folder on `port`, so other processes join it. */
export function announceServerPort(dataDir: string, port: number): void {
  fs.writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.pid, port }));
}

export function readLock(lockPath: string): { pid: number; port: number | null } | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid: number; port: number | null };
  } catch {
    return undefined;
  }
}

/** The URL of the embedded database server that owns `dataDir`, if one is running. */
export function embeddedServerUrl(dataDir: string): string | undefined {
  const holder = readLock(`${dataDir}.lock`);
  if (!holder?.port || !isAlive(holder.pid)) return undefined;
  return `postgres://postgres:postgres@127.0.0.1:${holder.port}/postgres`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
