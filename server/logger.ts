// Structured one-line JSON logs on stderr through pino: {"level","at",...fields,"msg"}. Errors
// are serialised with their stack here only, never in a response body; known secret fields are
// censored by pino's `redact` whatever a caller passes.
import pino, { type DestinationStream } from "pino";
import { env } from "./env";

type Fields = Record<string, unknown>;

/** Field names that hold secrets, at the top level and one or two levels down. */
const SECRET_KEYS = ["authorization", "cookie", "password", "passwordHash", "token", "tokenHash", "apiKey", "credential", "secret"];
const SECRET_PATHS = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
  "secrets[*].value",
  "*.secrets[*].value",
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

const serialiseError = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

export function createLogger(destination: DestinationStream) {
  const base = pino(
    {
      level: "info",
      base: null,
      messageKey: "msg",
      timestamp: () => `,"at":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: serialiseError },
      redact: { paths: SECRET_PATHS, censor: "[redacted]" },
    },
    destination,
  );
  // LOG_LEVEL is read on each call: the boot script and tests change the environment after import.
  const at = (level: "debug" | "info" | "warn" | "error") => (msg: string, fields: Fields = {}) => {
    base.level = env().LOG_LEVEL;
    base[level](fields, msg);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export const logger = createLogger(pino.destination({ dest: 2, sync: true }));
