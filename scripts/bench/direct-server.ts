// Diagnostic target for `npm run bench:callbacks -- --only direct`: the app's callback route (the same POST
// function) served by plain node:http, without Next. Comparing it with `next start` separates the cost of
// our handler from the framework's per-request cost. Run with --conditions=react-server (for server-only).
import http from "node:http";
import { POST } from "@/app/api/paymob/callback/route";

const port = Number(process.env.PORT);

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    if (req.method !== "POST") {
      res.writeHead(405);
      res.end();
      return;
    }
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, {
      method: "POST",
      headers,
      body: Buffer.concat(chunks),
    });
    POST(request)
      .then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      })
      .catch((error: Error) => {
        console.error(error);
        res.writeHead(500);
        res.end(error.message);
      });
  });
});
server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => console.log(`[direct] listening on http://127.0.0.1:${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
