// The app's HTTP server (started by scripts/start.ts): Next.js's request handler behind one
// step that makes the client address trustworthy. Next copies the socket's peer address
// into X-Forwarded-For only when the header is missing, so a client could name any
// address. Here the peer address is always appended, as a proxy does; the app then reads
// the client TRUSTED_PROXY_COUNT entries from the right (src/server/auth/client-address.ts).
import { createServer } from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number.parseInt(process.env.PORT ?? "3000", 10);

const app = next({ dev, dir: process.cwd(), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress;
  const forwarded = request.headers["x-forwarded-for"];
  if (peer) request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  void handle(request, response);
});
// Development: hot reloading talks over WebSocket upgrades.
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => console.log(`> Next.js ${dev ? "development" : "production"} server on port ${port}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
