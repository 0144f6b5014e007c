import type { EmuContext } from "./http";

// A tiny method + path router: Paymob's paths below the mount, each with its handler.
export type Handler = (ctx: EmuContext, params: string[]) => Promise<Response> | Response;
type Route = { method: string; pattern: RegExp; handler: Handler };

export class Router {
  private readonly routes: Route[] = [];

  on(method: "GET" | "POST", path: string, handler: Handler): this {
    // "{name}" matches one segment; a trailing slash is optional, as Django's APPEND_SLASH makes it in practice.
    const source = path.replace(/\/$/, "").replace(/\{[a-z_]+\}/g, "([^/]+)");
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: string[] } | { allowed: string[] } | null {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params = m.slice(1).map((p) => decodeURIComponent(p));
      if (route.method === method || (method === "HEAD" && route.method === "GET")) return { handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : null;
  }
}
