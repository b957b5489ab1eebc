import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ForgeError } from "./errors";
import { forgeFor } from "./index";
import { forgeClient } from "./request";

const TOKEN = "ghp_SECRETSECRET";
let close: (() => void) | undefined;
afterEach(() => close?.());

/** A one-off server answering every request with `listener`. */
async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
}

const ask = (apiUrl: string) =>
  forgeClient({ kind: "gitea", apiUrl, token: TOKEN, headers: { Authorization: `token ${TOKEN}` } })({ method: "GET", path: "/x", schema: z.object({ ok: z.literal(true) }), action: "read x" }).then(
    () => undefined,
    (e: unknown) => e as ForgeError,
  );

describe("forgeClient", () => {
  it("never repeats the token, even when the forge echoes it", async () => {
    const apiUrl = await serve((req, res) => res.writeHead(401).end(JSON.stringify({ message: `bad token ${req.headers.authorization}` })));
    const error = await ask(apiUrl);
    expect(error?.message).toContain("bad token token ***");
    expect(error?.message).not.toContain(TOKEN);
  });

  it("does not follow a redirect (the token would go along) and says where it pointed", async () => {
    const apiUrl = await serve((_req, res) => res.writeHead(301, { Location: "https://elsewhere.example/api" }).end());
    expect(await ask(apiUrl)).toMatchObject({ failure: "unreachable", message: expect.stringContaining("redirected the request to https://elsewhere.example/api") });
  });

  it("reports a rate limit on a 403 with GitHub's headers, and a body it does not understand", async () => {
    let limited = true;
    const apiUrl = await serve((_req, res) => {
      if (limited) res.writeHead(403, { "x-ratelimit-remaining": "0" }).end("{}");
      else res.writeHead(200).end("<html>");
    });
    expect(await ask(apiUrl)).toMatchObject({ code: "RATE_LIMITED", failure: "rate_limited" });
    limited = false;
    expect(await ask(apiUrl)).toMatchObject({ code: "UNAVAILABLE", failure: "unexpected" });
  });

  it("shows the API URL without credentials", async () => {
    const apiUrl = (await serve((_req, res) => res.writeHead(502).end())).replace("http://", "http://user:pw@");
    expect((await ask(apiUrl))?.message).toMatch(/^Could not reach Gitea at http:\/\/127\.0\.0\.1:\d+\/api: it answered 502 \(Bad Gateway\)\.$/);
  });
});

describe("forgeFor", () => {
  it("refuses an API URL that is not http(s), and GitHub or Gitea repositories with nested groups", async () => {
    for (const apiUrl of ["ftp://x", "not a url", "https://x/api?q=1"]) {
      expect(() => forgeFor({ kind: "gitlab", apiUrl, token: TOKEN })).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    }
    const forge = forgeFor({ kind: "github", apiUrl: "http://127.0.0.1:9", token: TOKEN });
    await expect(forge.getPullRequest({ repo: { owner: "a/b", name: "c" }, number: 1 })).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("owner/name") });
  });
});
