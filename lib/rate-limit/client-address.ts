import { isIPv4, isIPv6 } from "node:net";

// Which address a request came from, for per-client rate limits. Every header below can be written by the
// client itself, so only a header that the platform or a proxy we were told about OVERWRITES is believed:
//
// - Vercel overwrites X-Forwarded-For and does not pass on addresses sent by the client, and sets
//   X-Vercel-Forwarded-For and X-Real-IP the same way (vercel.com/docs/headers/request-headers).
// - A proxy such as nginx (`proxy_add_x_forwarded_for`) APPENDS the address it saw to X-Forwarded-For, so the
//   entries to the left of it are whatever the client sent; the trustworthy one is counted from the right.
//   TRUSTED_PROXY=<n> says how many such proxies stand in front of the app.
// - A proxy that REPLACES a header with the address it saw (Cloudflare's CF-Connecting-IP, nginx's
//   `proxy_set_header X-Real-IP $remote_addr`) is named instead: TRUSTED_PROXY=cf-connecting-ip.
// - Without TRUSTED_PROXY, off Vercel: the last X-Forwarded-For entry. `next start` writes the socket's address
//   there when a request arrives without the header (next/dist/server/base-server.js), and one appending
//   proxy puts the address it saw last. A server reached directly by clients keeps a header the client sent,
//   so there the address can be forged: run it behind a proxy and set TRUSTED_PROXY.
//
// IPv6 clients are counted per /64, the block one customer line usually gets, so rotating through the addresses
// of one's own prefix does not multiply one's allowance. An address that cannot be read counts as "unknown".

type Env = Record<string, string | undefined>;
type HeaderReader = { get(name: string): string | null };

export type ClientAddressSource =
  | { kind: "vercel" }
  /** The n-th X-Forwarded-For entry from the right (1 = the last). */
  | { kind: "forwarded-for"; fromRight: number }
  | { kind: "header"; name: string };

export const UNKNOWN_CLIENT = "unknown";

const HEADER_NAME = /^[a-z][a-z0-9-]{0,63}$/;
const MAX_PROXIES = 10;
/** More entries than anyone's proxy chain has: the rest is not read. */
const MAX_FORWARDED_ENTRIES = 32;

/** How to find the client's address under this environment; throws a sentence naming TRUSTED_PROXY when it is invalid. */
export function clientAddressSource(env: Env = process.env): ClientAddressSource {
  const value = env.TRUSTED_PROXY?.trim().toLowerCase();
  if (!value) return env.VERCEL === "1" ? { kind: "vercel" } : { kind: "forwarded-for", fromRight: 1 };
  if (value === "vercel") return { kind: "vercel" };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= MAX_PROXIES) return { kind: "forwarded-for", fromRight: hops };
  } else if (HEADER_NAME.test(value) && value !== "x-forwarded-for") {
    return { kind: "header", name: value };
  }
  throw new Error(
    `TRUSTED_PROXY must be the number of proxies in front of the app that append to X-Forwarded-For (1–${MAX_PROXIES}), ` +
      `the name of a header your proxy sets to the client's address (like x-real-ip or cf-connecting-ip), or "vercel" (got ${env.TRUSTED_PROXY}).`,
  );
}

/** The client's address (an IPv4 address or an IPv6 /64 prefix), or "unknown". */
export function clientAddress(headers: HeaderReader, env: Env = process.env): string {
  const source = clientAddressSource(env);
  switch (source.kind) {
    case "vercel":
      return (
        normalizeAddress(firstEntry(headers.get("x-vercel-forwarded-for"))) ??
        normalizeAddress(headers.get("x-real-ip")) ??
        normalizeAddress(firstEntry(headers.get("x-forwarded-for"))) ??
        UNKNOWN_CLIENT
      );
    case "forwarded-for": {
      const entries = forwardedEntries(headers.get("x-forwarded-for"));
      return normalizeAddress(entries[entries.length - source.fromRight]) ?? UNKNOWN_CLIENT;
    }
    case "header":
      return normalizeAddress(firstEntry(headers.get(source.name))) ?? UNKNOWN_CLIENT;
  }
}

function forwardedEntries(value: string | null): string[] {
  if (!value) return [];
  const entries = value.split(",").map((entry) => entry.trim());
  return entries.slice(-MAX_FORWARDED_ENTRIES);
}

function firstEntry(value: string | null): string | undefined {
  return value?.split(",", 1)[0]?.trim();
}

/**
 * One address as a rate-limit subject: IPv4 as is; IPv6 as its /64 prefix; an IPv4-mapped IPv6 address as the
 * IPv4 one. Ports ("203.0.113.7:4711", "[2001:db8::1]:443") and zone ids are dropped. Anything else: undefined.
 */
export function normalizeAddress(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim();
  if (value.length > 64) return undefined;
  const withPort = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value) ?? /^([\d.]+):(\d{1,5})$/.exec(value);
  if (withPort) {
    if (withPort[2] !== undefined && Number(withPort[2]) > 65535) return undefined;
    const bracketed = value.startsWith("[");
    value = withPort[1]!;
    if (bracketed && !isIPv6(value.replace(/%[\w.-]+$/, ""))) return undefined;
  }
  value = value.replace(/%[\w.-]+$/, "");
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return undefined;
  const groups = expandIPv6(value);
  if (!groups) return undefined;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (isIPv6 already passed), an embedded IPv4 tail included. */
function expandIPv6(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<number>(Math.max(0, missing)).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}
