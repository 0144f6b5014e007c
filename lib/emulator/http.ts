import type { Db } from "@/db/client";

// Request/response plumbing shared by the emulator's handlers (Web Fetch API only: no framework types).

export type EmuContext = {
  request: Request;
  url: URL;
  /** Absolute URL of the mount (e.g. "http://localhost:3000/paymob-emulator"), for links and redirects. */
  base: string;
  db: Db;
  /** Runs work after the response (Next's after(), a test server's tracker), or fire-and-forget. */
  defer: (task: () => Promise<unknown>) => void;
};

/** One route's handler; `params` are the path's named segments (`:id`), URL-decoded. */
export type Handler = (ctx: EmuContext, params: Record<string, string>) => Promise<Response> | Response;

const NO_STORE = { "cache-control": "no-store" };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...NO_STORE, ...headers },
  });
}

export function html(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      ...NO_STORE,
      "x-robots-tag": "noindex",
      "referrer-policy": "no-referrer",
    },
  });
}

/** 303 See Other: the browser follows a form POST with a GET, as Paymob's checkout does when it leaves for the merchant. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, ...NO_STORE } });
}

export const detail = (status: number, message: string) => json(status, { detail: message });

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** DRF answers malformed JSON with 400 {"detail": "JSON parse error - …"}. */
export async function readJson(request: Request): Promise<JsonBody> {
  const raw = await request.text();
  try {
    return { ok: true, value: raw.trim() === "" ? {} : (JSON.parse(raw) as unknown) };
  } catch (error) {
    return { ok: false, response: detail(400, `JSON parse error - ${(error as Error).message}`) };
  }
}

export async function readForm(request: Request): Promise<Record<string, string>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("form")) return {};
  const form = await request.formData();
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") out[key] = value;
  return out;
}

/** Value of `Authorization: <scheme> <credential>`; the scheme is case-insensitive as in DRF. */
export function credential(request: Request, scheme: "Token" | "Bearer"): string | null {
  const header = request.headers.get("authorization")?.trim();
  if (!header) return null;
  const [given, ...rest] = header.split(/\s+/);
  return given?.toLowerCase() === scheme.toLowerCase() && rest.length === 1 ? (rest[0] ?? null) : null;
}
