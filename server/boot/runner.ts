import os from "node:os";
import { startDemoModel } from "../demo-model";
import { env } from "../env";
import { logger } from "../logger";
import { reconcileTasks } from "../runner/reconcile";
import { initSupervisor } from "../runner/supervisor";
import { checkSandbox } from "../sandbox/preflight";

/** Default cap: what the machine holds (~150 MB per app-server and its commands, 2 per core). */
function defaultMaxRunning(): number {
  const byMemory = Math.floor(os.totalmem() / (150 * 1024 * 1024));
  return Math.max(1, Math.min(os.availableParallelism() * 2, byMemory));
}

/** The demo model (always: it is the offline provider) and the task supervisor. */
export async function startRunner(): Promise<{ stop(): Promise<void> }> {
  const config = env();
  await checkSandbox();
  const demo = await startDemoModel({ port: config.DEMO_MODEL_PORT, host: "127.0.0.1" });
  const maxRunning = config.MAX_RUNNING_TASKS ?? defaultMaxRunning();
  const supervisor = initSupervisor({
    maxRunning,
    // Half the slots by default: no one user holds every slot, and two users always run at once.
    maxRunningPerUser: config.MAX_RUNNING_TASKS_PER_USER ?? Math.max(1, Math.ceil(maxRunning / 2)),
    idleTimeoutMs: config.IDLE_TIMEOUT_SEC * 1000,
    setupTimeoutMs: config.SETUP_TIMEOUT_SEC * 1000,
    setupOutputMaxBytes: config.SETUP_OUTPUT_MAX_BYTES,
    modelStreamTimeoutMs: config.MODEL_STREAM_TIMEOUT_SEC * 1000,
    demoModelUrl: demo.url,
  });
  await reconcileTasks(supervisor);
  logger.info("runner ready", { demoModel: demo.url });
  return {
    async stop() {
      await supervisor.shutdown();
      await demo.close();
    },
  };
}
