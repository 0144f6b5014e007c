import net from "node:net";
import { WebSocketServer } from "ws";

/**
 * A local stand-in for Neon's WebSocket proxy: each WebSocket at /v1?address=host:port becomes a TCP
 * connection to that Postgres. Lets the production driver (@neondatabase/serverless Pool) run offline.
 * Only loopback targets are allowed.
 */
export async function startWsBridge(port = 0): Promise<{ port: number; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port });
  wss.on("connection", (socket, request) => {
    const address = new URL(request.url ?? "/", "http://bridge").searchParams.get("address") ?? "";
    const [host, portText] = address.split(":");
    if (host !== "127.0.0.1" && host !== "localhost") {
      socket.close(1008, "loopback only");
      return;
    }
    const tcp = net.connect(Number(portText), "127.0.0.1");
    tcp.on("data", (chunk) => socket.readyState === socket.OPEN && socket.send(chunk));
    tcp.on("close", () => socket.close());
    tcp.on("error", () => socket.close());
    socket.on("message", (data) => tcp.write(data as Buffer));
    socket.on("close", () => tcp.destroy());
  });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  const address = wss.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
