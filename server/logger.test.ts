import { describe, expect, it } from "vitest";
import { setRuntimeEnv } from "./env";
import { createLogger } from "./logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, log };
}

describe("logger", () => {
  it("writes one JSON line with level, at, the fields and msg", () => {
    setRuntimeEnv({ LOG_LEVEL: "info" });
    const { lines, log } = capture();
    log.info("listening", { url: "http://localhost:3000" });
    expect(lines).toEqual([{ level: "info", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/), url: "http://localhost:3000", msg: "listening" }]);
  });

  it("drops lines below LOG_LEVEL, read at each call", () => {
    setRuntimeEnv({ LOG_LEVEL: "warn" });
    const { lines, log } = capture();
    log.info("quiet");
    log.warn("loud");
    setRuntimeEnv({ LOG_LEVEL: "debug" });
    log.debug("now heard");
    expect(lines.map((l) => l.msg)).toEqual(["loud", "now heard"]);
  });

  it("serialises an error with its name, message and stack only", () => {
    const { lines, log } = capture();
    const error = Object.assign(new TypeError("boom"), { config: { password: "x" } });
    log.error("failed", { error });
    expect(lines[0]!.error).toEqual({ name: "TypeError", message: "boom", stack: expect.stringContaining("boom") });
  });

  it("censors secret fields at any of the first three levels", () => {
    const { lines, log } = capture();
    log.warn("request", {
      headers: { authorization: "Bearer tok-1", cookie: "s=1", "set-cookie": ["s=2"], accept: "*/*" },
      body: { password: "pw", credential: { token: "tok-2" }, model: { apiKey: "sk-1" } },
      secrets: [{ name: "DEPLOY_TOKEN", value: "v-1" }],
      token: "tok-3",
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ["tok-1", "s=1", "s=2", "pw", "tok-2", "sk-1", "v-1", "tok-3"]) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ headers: { accept: "*/*" }, secrets: [{ name: "DEPLOY_TOKEN", value: "[redacted]" }] });
  });
});
