import { z } from "zod";

// An environment's network setting, variables and secrets: the rules shared by the form and
// the API. Names are environment variable names the task's processes will see.

export const INTERNET_MODES = ["off", "setup", "on"] as const;
export type TInternet = (typeof INTERNET_MODES)[number];

export const MAX_ENTRIES = 100;
export const MAX_DOMAINS = 200;
export const MAX_VALUE_BYTES = 32 * 1024;

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const RESERVED = new Set(["PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "TMPDIR", "LANG", "TERM", "HOSTNAME", "OPENAI_API_KEY"]);
const RESERVED_PREFIXES = ["LC_", "CODEX_", "GIT_", "BWRAP", "LD_"];
// Proxy variables are read in either case by curl, pip, npm and friends.
const PROXIES = new Set(["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"]);

/** Whether the sandbox sets or guards this name itself, so an environment may not. */
export function isReservedName(name: string): boolean {
  return RESERVED.has(name) || PROXIES.has(name.toUpperCase()) || RESERVED_PREFIXES.some((p) => name.startsWith(p));
}

// With the u flag a surrogate range matches only unpaired halves, which PostgreSQL's jsonb refuses.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const utf8Bytes = (v: string) => new TextEncoder().encode(v).length;

const ZName = z
  .string()
  .regex(NAME, { error: "Use letters, digits and _, not starting with a digit (at most 128)." })
  .refine((n) => !isReservedName(n), { error: (issue) => `${String(issue.input)} is reserved by the sandbox; choose another name.` });

const value = (params?: { error: string }) =>
  z
    .string(params)
    .refine((v) => !LONE_SURROGATE.test(v), { error: "The value is not valid Unicode text." })
    .refine((v) => utf8Bytes(v) <= MAX_VALUE_BYTES, { error: "A value may have at most 32 KiB." });
const secretValue = (params?: { error: string }) => value(params).refine((v) => v.length > 0, { error: "Give the secret a value." });

export const ZVariable = z.strictObject({ name: ZName, value: value() });
export const ZVariables = z.array(ZVariable).max(MAX_ENTRIES);

/** A secret to store. When changing an environment, `{name}` without a value keeps the stored one. */
export const ZSecretInput = z.strictObject({ name: ZName, value: secretValue().optional() });
export const ZNewSecret = z.strictObject({ name: ZName, value: secretValue({ error: "Give the secret a value." }) });
export const ZSecretsInput = z.array(ZSecretInput).max(MAX_ENTRIES);
export const ZNewSecrets = z.array(ZNewSecret).max(MAX_ENTRIES);

// A hostname (letters, digits, hyphens; dot-separated) or an IPv4 address, optionally "*." first.
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const DOMAIN = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);

export const ZAllowedDomain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(DOMAIN, { error: "Give a host name such as example.com or *.example.com." });
export const ZAllowedDomains = z.array(ZAllowedDomain).max(MAX_DOMAINS);

type Named = { variables?: { name: string }[] | null; secrets?: { name: string }[] | null };

/** Variables and secrets share one namespace: each name once across both lists. */
export function checkUniqueNames(value: Named, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const field of ["variables", "secrets"] as const) {
    value[field]?.forEach((entry, index) => {
      if (seen.has(entry.name)) ctx.addIssue({ code: "custom", path: [field, index, "name"], message: `${entry.name} is used twice; names must be unique across variables and secrets.` });
      seen.add(entry.name);
    });
  }
}
