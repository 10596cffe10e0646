// `npm start` serves Next through this small server instead of `next start`, for one reason: the
// app must know the socket's address. Next only fills X-Forwarded-For when the client sent none,
// so without a proxy in front that header is the client's own text. Here every request gets
// X-Jingzhun-Peer set to the socket's address (a client-sent one is dropped first), and
// lib/http/request-address.ts uses it whenever no proxy is configured (JINGZHUN_PROXY_HOPS unset).
// Usage: node scripts/next-server.mjs <port> [hostname]
import http from "node:http";
import next from "next";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3] || undefined;

/** Drop any client-sent peer header and set the socket's address (exported for tests). */
export function stampPeer(req) {
  delete req.headers["x-jingzhun-peer"];
  const addr = req.socket?.remoteAddress;
  if (addr) req.headers["x-jingzhun-peer"] = addr;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = next({ dev: false, port, hostname: hostname ?? "localhost", dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  const server = http.createServer((req, res) => {
    stampPeer(req);
    handle(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    stampPeer(req);
    upgrade(req, socket, head);
  });
  server.listen(port, hostname, () => console.log(`[jingzhun] ▲ ready on http://${hostname ?? "localhost"}:${port}`));
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
