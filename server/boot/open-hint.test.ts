import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setRuntimeEnv } from "../env";
import { useOwnDatabase } from "../test/own-database";
import { openHint, openUrl } from "./open-hint";

// An empty database of its own: what the server says at start depends on whether any account exists.
let own: Awaited<ReturnType<typeof useOwnDatabase>>;
beforeAll(async () => {
  own = await useOwnDatabase("codex_open_hint");
});
afterAll(() => own.drop());

describe("openUrl", () => {
  it("names the listening host, and localhost for every interface", () => {
    expect(openUrl("127.0.0.1", 3000)).toBe("http://127.0.0.1:3000");
    expect(openUrl("0.0.0.0", 3000)).toBe("http://localhost:3000");
    expect(openUrl("::", 8080)).toBe("http://localhost:8080");
    expect(openUrl("::1", 3000)).toBe("http://[::1]:3000");
    expect(openUrl("codex.example.test", 3000)).toBe("http://codex.example.test:3000");
  });
});

describe("openHint", () => {
  it("asks for the administrator account while none exists, with the setup token beyond loopback, then for sign-in", async () => {
    expect(await openHint(3000)).toBe("Open http://127.0.0.1:3000 and create the administrator account.");
    setRuntimeEnv({ HOST: "0.0.0.0", SETUP_TOKEN: "a-setup-token-for-the-test" });
    try {
      expect(await openHint(3000)).toBe("Open http://localhost:3000 and create the administrator account with the setup token a-setup-token-for-the-test.");
    } finally {
      setRuntimeEnv({ HOST: "127.0.0.1", SETUP_TOKEN: "" });
    }
    const { createUser } = await import("../services/users");
    await createUser({ email: "first@example.test", password: "long-enough" });
    expect(await openHint(3000)).toBe("Open http://127.0.0.1:3000 to sign in.");
  });
});
