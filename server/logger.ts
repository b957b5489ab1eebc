// Structured one-line JSON logs on stderr. Errors are serialised with their stack here only,
// never in a response body.
import { env } from "./env";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < order[env().LOG_LEVEL]) return;
  const entries = Object.entries(fields).map(([k, v]) => [k, serialise(v)]);
  const line = JSON.stringify({ at: new Date().toISOString(), level, msg, ...Object.fromEntries(entries) });
  process.stderr.write(`${line}\n`);
}

export const logger = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
