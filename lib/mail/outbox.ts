import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isDeployed } from "@/lib/env";

// Email for developers without a mail provider (sign-in links, order emails): each "email" becomes a JSON file in
// a local folder that /dev/outbox lists (and the e2e suite opens). A link in this folder signs anyone in as its recipient, so the
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
  /** What kind of email; sign-in links predate the field. */
  kind: z.enum(["sign_in", "order_confirmed", "refund_issued"]).default("sign_in"),
  /** The plain-text body, for emails that say more than a link. */
  text: z.string().optional(),
  /** The HTML body, as a mail provider would have sent it. */
  html: z.string().optional(),
});
export type OutboxMessage = z.infer<typeof messageSchema> & { id: string };
type NewMessage = Omit<z.input<typeof messageSchema>, "createdAt">;

/**
 * Writes one message. With `key` (an email that may be sent again after a crash or a lost acknowledgement) the
 * file name comes from the key, so a second write replaces the first instead of adding a copy.
 */
export async function writeOutboxMessage(message: NewMessage, key?: { id: string; createdAt: Date }): Promise<string> {
  if (!outboxEnabled())
    throw new Error("The dev outbox is disabled in production; configure AUTH_RESEND_KEY and EMAIL_FROM.");
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true });
  // Sortable by time, unique across concurrent servers sharing the folder.
  const createdAt = key?.createdAt ?? new Date();
  const suffix = key ? key.id.replace(/[^A-Za-z0-9_-]/g, "_") : randomBytes(4).toString("hex");
  const id = `${createdAt.toISOString().replace(/[:.]/g, "-")}-${suffix}`;
  const body = messageSchema.parse({ ...message, createdAt: createdAt.toISOString() });
  // Written aside and renamed, so a reader (or a second write of the same key) never sees half a file.
  const temporary = path.join(dir, `${id}.${randomBytes(4).toString("hex")}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(body, null, 2), { mode: 0o600 });
  await fs.rename(temporary, path.join(dir, `${id}.json`));
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
