import path from "node:path";
import { z } from "zod";

// The only reader of process.env. The boot script (server/index.ts) fills in DATABASE_URL and
// AUTH_SECRET when they were not given, before anything else parses the environment.
const ZRate = z
  .string()
  .regex(/^\d+\/\d+$/, { error: "Use COUNT/SECONDS, e.g. 10/60" })
  .transform((s) => {
    const [limit, seconds] = s.split("/").map(Number) as [number, number];
    return { limit, windowMs: seconds * 1000 };
  });

const ZBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default("./.data").transform((p) => path.resolve(p)),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  ALLOW_SIGNUP: ZBool.default(true),
  /** Needed to create the first (admin) account when HOST is not loopback; made at start when unset. */
  SETUP_TOKEN: z.string().min(16).optional(),
  /** Proxies whose X-Forwarded-For is believed (proxy-addr syntax: addresses, CIDRs, "loopback", ...). */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean)),
  ALLOWED_REPO_ROOTS: z
    .string()
    .default("/")
    .transform((s) => s.split(path.delimiter).filter(Boolean).map((p) => path.resolve(p))),
  /** Checking a remote repository (ls-remote on save, its branches): the most it may take. */
  GIT_REMOTE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** Fetching a remote environment's mirror when a task starts (the first fetch is a full clone). */
  GIT_FETCH_TIMEOUT_SEC: z.coerce.number().int().min(1).max(86_400).default(900),
  /** A PEM bundle git trusts for https remotes instead of the system's (a self-hosted forge's CA). */
  GIT_REMOTE_CA_FILE: z.string().min(1).optional(),
  RATE_LIMIT_SIGNIN: ZRate.prefault("10/60"),
  RATE_LIMIT_SIGNIN_IP: ZRate.prefault("50/60"),
  RATE_LIMIT_SIGNUP: ZRate.prefault("10/3600"),
  MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
  RATE_LIMIT_TOKENS: ZRate.prefault("20/60"),
  RATE_LIMIT_TASKS: ZRate.prefault("60/60"),
  MAX_RUNNING_TASKS: z.coerce.number().int().min(1).max(1000).optional(),
  MAX_RUNNING_TASKS_PER_USER: z.coerce.number().int().min(1).max(1000).optional(),
  MAX_APPROVAL_TIMEOUT_SEC: z.coerce.number().int().min(1).default(3600),
  IDLE_TIMEOUT_SEC: z.coerce.number().int().min(1).default(600),
  SETUP_TIMEOUT_SEC: z.coerce.number().int().min(1).default(900),
  SETUP_OUTPUT_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 ** 3).default(1024 * 1024),
  MODEL_STREAM_TIMEOUT_SEC: z.coerce.number().int().min(1).default(300),
  DEMO_MODEL_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  SANDBOX: z.enum(["bubblewrap", "none"]).default("bubblewrap"),
  SANDBOX_MAX_PROCESSES: z.coerce.number().int().min(32).max(1_000_000).default(1024),
  SANDBOX_MEMORY_MB: z.coerce.number().int().min(256).max(1_048_576).default(4096),
  EGRESS_ALLOW_LOCAL: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, { error: "Use HOST:PORT[,HOST:PORT...]" }))),
});

export type Env = z.infer<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (e.g. `AUTH_SECRET=` from docker-compose) means "not set".
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = ZEnv.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed environment, read once per module graph. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Used by the boot script only: fills in derived settings and re-reads the environment. */
export function setRuntimeEnv(values: Record<string, string>): void {
  Object.assign(process.env, values);
  cached = undefined;
}

export function authSecret(): string {
  const e = env();
  const secret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set; start the app through server/index.ts");
  return secret;
}

export function githubOAuthConfigured(): boolean {
  const e = env();
  return Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET);
}
