import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { isOpenAiUrl, providerFor } from "./provider";

const demo = { demoBaseUrl: "http://127.0.0.1:1/v1" };
const openai = (modelBaseUrl: string | null) => ({ modelProvider: "openai" as const, modelName: "gpt-5", modelBaseUrl, apiKey: null });

describe("providerFor and the server's OpenAI key", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.OPENAI_API_KEY;
    setRuntimeEnv({ OPENAI_API_KEY: "sk-server" });
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.OPENAI_API_KEY;
    setRuntimeEnv(saved === undefined ? {} : { OPENAI_API_KEY: saved });
  });

  it("uses the server's key with OpenAI's own URL", () => {
    expect(providerFor(openai(null), demo)).toMatchObject({ apiKey: "sk-server" });
    expect(providerFor(openai("https://api.openai.com/v1/"), demo)).toMatchObject({ apiKey: "sk-server" });
  });

  it("never sends the server's key to another base URL", () => {
    for (const url of ["http://127.0.0.1:39001/v1", "https://api.openai.com.evil.example/v1", "http://api.openai.com/v1", "https://user@api.openai.com/v1"]) {
      expect(() => providerFor(openai(url), demo), url).toThrow(/API key of its own/);
    }
  });

  it("uses the user's own key with any base URL", () => {
    expect(providerFor(openai("http://127.0.0.1:39001/v1"), { ...demo, ownerKey: "sk-user" })).toMatchObject({ apiKey: "sk-user", baseUrl: "http://127.0.0.1:39001/v1" });
  });

  it("compares URLs, not strings", () => {
    expect(isOpenAiUrl("https://API.openai.com/v1")).toBe(true);
    expect(isOpenAiUrl("https://api.openai.com/v2")).toBe(false);
    expect(isOpenAiUrl("not a url")).toBe(false);
  });
});
