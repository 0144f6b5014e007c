import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isDeployed } from "@/lib/env";

// Sign-in links for developers without a mail provider: each "email" becomes a JSON file in a local folder that
// /dev/outbox lists (and the e2e suite opens). A link in this folder signs anyone in as its recipient, so the
// outbox only exists outside production, or in a production build on localhost that opts in with
// AUTH_DEV_OUTBOX=1 (the e2e server, `npm start` on a laptop). A deployment can never turn it on.

type Env = Record<string, string | undefined>;

export function outboxEnabled(env: Env = process.env): boolean {
  if (env.NODE_ENV !== "production") return true;
  return env.AUTH_DEV_OUTBOX === "1" && !isDeployed(env);
}

function outboxDir(env: Env = process.env): string {
  // Decided at run time, so the build must not trace it (turbopackIgnore), or it would bundle the whole project.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.AUTH_OUTBOX_DIR || ".data/outbox");
}

const messageSchema = z.object({
  to: z.string(),
  url: z.url(),
  subject: z.string(),
  createdAt: z.iso.datetime(),
});
export type OutboxMessage = z.infer<typeof messageSchema> & { id: string };

export async function writeOutboxMessage(message: { to: string; url: string; subject: string }): Promise<string> {
  if (!outboxEnabled())
    throw new Error("The dev outbox is disabled in production; configure AUTH_RESEND_KEY and EMAIL_FROM.");
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true });
  // Sortable by time, unique across concurrent servers sharing the folder.
  const id = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
  const body = messageSchema.parse({ ...message, createdAt: new Date().toISOString() });
  await fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(body, null, 2), { mode: 0o600 });
  return id;
}

/** The newest messages first. Unreadable or foreign files are skipped rather than breaking the page. */
export async function readOutbox(limit = 20): Promise<OutboxMessage[]> {
  if (!outboxEnabled()) return [];
  const dir = outboxDir();
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const newest = names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  const messages = await Promise.all(
    newest.map(async (name) => {
      const text = await fs.readFile(path.join(dir, name), "utf8").catch(() => "");
      const parsed = messageSchema.safeParse(parseJson(text));
      return parsed.success ? { ...parsed.data, id: name.slice(0, -".json".length) } : null;
    }),
  );
  return messages.filter((m): m is OutboxMessage => m !== null);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
