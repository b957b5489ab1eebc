import { beforeEach, describe, expect, it } from "vitest";
import { sealSecret } from "../auth/secret-box";
import { setRuntimeEnv } from "../env";
import type { Environment } from "../generated/prisma/client";
import { envColumns } from "./environment-env-columns";
import { environmentEnv } from "./environment-env";

const row = (fields: Partial<Environment>): Environment =>
  ({ internet: "setup", allowedDomains: [], variables: [], secrets: [], ...fields }) as Environment;

beforeEach(() => setRuntimeEnv({ AUTH_SECRET: "e".repeat(40) }));

describe("environmentEnv", () => {
  it("gives the network setting, the variables and the secrets opened", () => {
    const env = environmentEnv(
      row({
        internet: "on",
        allowedDomains: ["registry.npmjs.org", "*.pypi.org"],
        variables: [{ name: "NODE_ENV", value: "test" }, { name: "__proto__", value: "plain" }],
        secrets: [{ name: "NPM_TOKEN", sealed: sealSecret("npm-secret-1") }, { name: "__proto__x", sealed: sealSecret("s2") }],
      }),
    );
    expect(env).toEqual({
      internet: "on",
      allowedDomains: ["registry.npmjs.org", "*.pypi.org"],
      variables: { NODE_ENV: "test", ["__proto__"]: "plain" },
      secrets: { NPM_TOKEN: "npm-secret-1", __proto__x: "s2" },
    });
    expect(Object.getPrototypeOf(env.variables)).toBe(Object.prototype);
    expect(Object.keys(env.variables)).toEqual(["NODE_ENV", "__proto__"]);
  });

  it("defaults to setup-only internet with nothing else, and lists domains only for \"on\"", () => {
    expect(environmentEnv(row({}))).toEqual({ internet: "setup", allowedDomains: [], variables: {}, secrets: {} });
    expect(environmentEnv(row({ internet: "off", allowedDomains: ["example.com"] })).allowedDomains).toEqual([]);
  });

  it("names a secret sealed under another AUTH_SECRET, without its value", () => {
    const sealed = sealSecret("old-value-123");
    setRuntimeEnv({ AUTH_SECRET: "f".repeat(40) });
    expect(() => environmentEnv(row({ secrets: [{ name: "OLD", sealed }] }))).toThrow(/secret OLD .*enter it again/);
  });
});

describe("envColumns", () => {
  const current = () => ({ variables: [{ name: "V", value: "1" }], secrets: [{ name: "KEEP", sealed: sealSecret("kept") }, { name: "GONE", sealed: sealSecret("gone") }] });

  it("keeps a secret sent by name, seals a new value, deletes one left out", () => {
    const before = current();
    const data = envColumns({ secrets: [{ name: "KEEP" }, { name: "NEW", value: "fresh" }] }, before);
    const secrets = data.secrets as { name: string; sealed: string }[];
    expect(secrets.map((s) => s.name)).toEqual(["KEEP", "NEW"]);
    expect(secrets[0]!.sealed).toBe(before.secrets[0]!.sealed);
    expect(JSON.stringify(secrets)).not.toContain("fresh");
    expect(environmentEnv(row({ secrets })).secrets).toEqual({ KEEP: "kept", NEW: "fresh" });
    expect(data.variables).toBeUndefined();
  });

  it("refuses to keep a secret that is not stored, pointing at its value", () => {
    expect(() => envColumns({ secrets: [{ name: "NOPE" }] }, current())).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED", details: [expect.objectContaining({ path: ["secrets", 0, "value"] })] }));
    expect(() => envColumns({ secrets: [{ name: "NOPE" }] }, null)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
  });

  it("refuses a name already taken by the other list, stored or sent", () => {
    expect(() => envColumns({ variables: [{ name: "KEEP", value: "x" }] }, current())).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: ["variables", 0, "name"] })] }));
    expect(() => envColumns({ secrets: [{ name: "A", value: "x" }, { name: "V", value: "y" }] }, current())).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: ["secrets", 1, "name"] })] }));
    expect(() => envColumns({ variables: [{ name: "V", value: "x" }], secrets: [{ name: "KEEP" }] }, current())).not.toThrow();
  });

  it("lists each allowed domain once and leaves absent fields alone", () => {
    expect(envColumns({ allowedDomains: ["a.com", "b.com", "a.com"] }, null)).toEqual({ internet: undefined, allowedDomains: ["a.com", "b.com"], variables: undefined, secrets: undefined });
  });
});
