import { childEnv } from "./child-env";
import { resolveCodexBinary } from "./codex-binary";

/** Setup scripts get the same small environment as the agent, never the server's secrets. */
export function setupEnv(): Record<string, string> {
  return childEnv({ binary: { ...resolveCodexBinary(), env: {}, pathDir: null } });
}
