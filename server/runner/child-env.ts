import path from "node:path";
import type { CodexBinary } from "./codex-binary";

// The agent runs arbitrary commands, so the app-server gets a small, explicit environment
// instead of the server's (which holds DATABASE_URL, AUTH_SECRET, provider keys, ...).
const INHERITED = [
  "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "TERM",
  "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR",
  "SYSTEMROOT", "COMSPEC", "PATHEXT", "USERPROFILE", "APPDATA", "LOCALAPPDATA",
];

/** `parent` (default: this process's environment) filtered, plus the binary's and `extra`. */
export function childEnv(opts: {
  binary: CodexBinary;
  extra?: Record<string, string>;
  parent?: NodeJS.ProcessEnv;
}): Record<string, string> {
  const parent = opts.parent ?? process.env;
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  if (opts.binary.pathDir) env.PATH = [opts.binary.pathDir, env.PATH].filter(Boolean).join(path.delimiter);
  return { ...env, ...opts.binary.env, NO_COLOR: "1", ...opts.extra };
}
