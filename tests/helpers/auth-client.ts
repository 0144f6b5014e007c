import { NextRequest } from "next/server";

// A minimal browser for the Auth.js route handlers: sends NextRequests to GET/POST handlers in-process and keeps
// the cookies they set, like a real browser would, so tests can walk sign-in and sign-out without a server.

type Handler = (request: NextRequest) => Promise<Response> | Response;
export type RouteHandlers = { GET: Handler; POST: Handler };

export class AuthTestClient {
  readonly cookies = new Map<string, string>();

  /** `origin` is where the requests claim to arrive (what the URL and Host headers say), not where the app lives. */
  constructor(
    private readonly route: RouteHandlers,
    private readonly origin: string,
  ) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send("GET", path, headers);
  }

  async post(path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(
      "POST",
      path,
      { "content-type": "application/x-www-form-urlencoded", ...headers },
      new URLSearchParams(form).toString(),
    );
  }

  /** Auth.js's double-submit CSRF token (cookie + form field), as its own sign-in page would fetch it. */
  async csrfToken(): Promise<string> {
    const response = await this.get("/api/auth/csrf");
    const body = (await response.json()) as { csrfToken: string };
    return body.csrfToken;
  }

  sessionCookie(): string | undefined {
    for (const [name, value] of this.cookies) if (name.endsWith("authjs.session-token")) return value;
    return undefined;
  }

  private async send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Response> {
    const url = new URL(path, this.origin);
    const host = url.host;
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const request = new NextRequest(url, {
      method,
      headers: { host, ...(cookie ? { cookie } : {}), ...headers },
      body,
    });
    const response = await (method === "GET" ? this.route.GET(request) : this.route.POST(request));
    this.remember(response);
    return response;
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [key, raw] = a.split("=").map((s) => s.trim());
        if (key?.toLowerCase() === "max-age") return Number(raw) <= 0;
        if (key?.toLowerCase() === "expires") return new Date(raw!).getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
