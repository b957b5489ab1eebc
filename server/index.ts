import { mkdir } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import next from "next";
import { startRunner } from "./boot/runner";
import { ensureAuthSecret } from "./boot/secret";
import { openDatabase } from "./boot/database";
import { openHint } from "./boot/open-hint";
import { announceSetupToken } from "./boot/setup-token";
import { clientAddressResolver } from "./http/client-address";
import { env, parseEnv, setRuntimeEnv } from "./env";
import { setSecurityHeaders } from "./http/security-headers";
import { logger } from "./logger";

// The one Node process: Next's request handler and Socket.IO on one HTTP server and port.
async function main(): Promise<void> {
  const initial = parseEnv();
  await mkdir(initial.DATA_DIR, { recursive: true });
  const secret = initial.AUTH_SECRET ?? initial.NEXTAUTH_SECRET ?? (await ensureAuthSecret(initial.DATA_DIR));
  setRuntimeEnv({ AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1" });

  const database = await openDatabase({ url: initial.DATABASE_URL, dataDir: initial.DATA_DIR });
  setRuntimeEnv({ DATABASE_URL: database.url });
  await announceSetupToken();
  const config = env();

  const dev = config.NODE_ENV !== "production";
  const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), hostname: config.HOST, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const clientAddress = clientAddressResolver(config.TRUSTED_PROXIES);
  const server = http.createServer((req, res) => {
    // Stamped here so rate limits see the real client, whatever headers it sends itself.
    req.headers["x-real-ip"] = clientAddress(req);
    setSecurityHeaders(req, res);
    void handle(req, res);
  });
  const { createIo } = await import("./realtime/io");
  const io = createIo(server);
  const runner = await startRunner();

  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const hint = await openHint(port);
  logger.info("listening", { url: `http://localhost:${port}`, dev, embeddedDb: database.embedded });
  // For the person who just ran `npm start`: plain words on stdout, after the JSON log lines.
  console.log(hint);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await runner.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    server.closeAllConnections();
    const { disconnectDb } = await import("./db");
    await disconnectDb();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  logger.error("failed to start", { error });
  process.exit(1);
});
