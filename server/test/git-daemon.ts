// `git daemon` serving every repository under a folder over git:// on a loopback port (read-only).
import { type ChildProcess, spawn } from "node:child_process";
import { createConnection, createServer } from "node:net";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once something accepts connections on the port; rejects when `child` exits first. */
export async function untilListening(port: number, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited before listening (code ${child.exitCode}): ${output()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => (socket.destroy(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface TestGitDaemon {
  /** git://127.0.0.1:PORT */
  url: string;
  repoUrl(name: string): string;
  close(): Promise<void>;
}

export async function startGitDaemon(root: string): Promise<TestGitDaemon> {
  const port = await freePort();
  let output = "";
  const child = spawn("git", ["daemon", "--reuseaddr", "--export-all", "--informative-errors", `--base-path=${root}`, "--listen=127.0.0.1", `--port=${port}`, root]);
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  await untilListening(port, child, () => output);
  const url = `git://127.0.0.1:${port}`;
  return {
    url,
    repoUrl: (name) => `${url}/${name}.git`,
    async close() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    },
  };
}
