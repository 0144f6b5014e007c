import pino, { type DestinationStream, type Logger } from "pino";

// The server's one logger: what happened, to which order. Next loads pino from node_modules rather than
// bundling it (pino is on Next's built-in server-external-packages list), so its worker-free core runs as is.
//
// Usage: a field `scope` names the area ("db", "rate-limit"); facts go in fields, the sentence in the message.
//   logger.info({ scope: "env", database: "pg" }, "ok");
//   const log = logger.child({ scope: "callback", orderReference, attemptId }); log.warn({ reason }, "amount mismatch");
//   logger.error({ scope: "health", err: error }, "database check failed");   // `err` gets the stack
//
// LOG_LEVEL: trace | debug | info (default) | warn | error | fatal | silent. Tests default to silent (they assert
// on calls, not on output). A terminal or `next dev` gets one readable line per event; anything else (Vercel, a
// container's log collector) gets pino's JSON lines.

const level = process.env.LOG_LEVEL?.trim() || (process.env.VITEST ? "silent" : "info");
const readable = Boolean(process.stdout.isTTY) || process.env.NODE_ENV === "development";

// Synchronous writes: a line logged just before process.exit (a refused start) is never lost, and a store logs
// a few lines per order, not thousands per second.
export const logger: Logger = readable
  ? pino({ level, base: undefined }, lineWriter())
  : pino({ level }, pino.destination({ dest: 1, sync: true }));

/** `12:04:31 WARN  [rate-limit] refused … key=ip:203.0.113.7`, and an error's stack below it. */
function lineWriter(): DestinationStream {
  return {
    write(json: string) {
      const { time, level: n, msg, scope, err, ...fields } = JSON.parse(json) as Record<string, unknown>;
      const label = (pino.levels.labels[n as number] ?? String(n)).toUpperCase().padEnd(5);
      const clock = new Date(time as number).toTimeString().slice(0, 8);
      const facts = Object.entries(fields).map(
        ([k, v]) => ` ${k}=${typeof v === "string" && !/\s/.test(v) ? v : JSON.stringify(v)}`,
      );
      const stack = (err as { stack?: string } | undefined)?.stack;
      const line = `${clock} ${label} ${scope ? `[${String(scope)}] ` : ""}${String(msg ?? "")}${facts.join("")}${stack ? `\n${stack}` : ""}\n`;
      ((n as number) >= 50 ? process.stderr : process.stdout).write(line);
    },
  };
}
