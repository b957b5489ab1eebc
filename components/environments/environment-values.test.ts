import { describe, expect, it } from "vitest";
import { ZCreateEnvironmentRequest, ZPatchEnvironmentRequest } from "@/lib/schemas/environments";
import { type EnvironmentValues, NEW_ENVIRONMENT, rowIssues, toRequest } from "./environment-values";

const values = { ...NEW_ENVIRONMENT, label: " Repo ", repo: "/srv/repo", setupScript: "  ", modelName: "gpt-x" } as EnvironmentValues;

describe("toRequest", () => {
  it("builds a create body the API schema accepts, without demo-only leftovers", () => {
    const body = toRequest(values, false);
    expect(ZCreateEnvironmentRequest.parse(body)).toMatchObject({ label: "Repo", model: { provider: "demo" } });
    expect(body.setupScript).toBeUndefined();
    expect(body.model).toEqual({ provider: "demo", model: undefined, baseUrl: undefined, apiKey: undefined });
  });

  it("clears emptied texts with null when editing", () => {
    const body = toRequest(values, true);
    expect(ZPatchEnvironmentRequest.parse(body)).toMatchObject({ setupScript: null, codexConfig: null });
  });
});

describe("toRequest: network, variables and secrets", () => {
  const edited = {
    ...values,
    internet: "on",
    allowedDomains: ["registry.npmjs.org"],
    variables: [{ name: " NODE_ENV ", value: "test" }, { name: "", value: "" }],
    secrets: [{ name: "KEPT", stored: true }, { name: "NEW", value: "s3cret" }, { name: "", value: "" }],
  } as EnvironmentValues;

  it("sends stored secrets by name, new ones with their value, and drops blank rows", () => {
    const body = ZPatchEnvironmentRequest.parse(toRequest(edited, true));
    expect(body).toMatchObject({ internet: "on", allowedDomains: ["registry.npmjs.org"], variables: [{ name: "NODE_ENV", value: "test" }] });
    expect(body.secrets).toEqual([{ name: "KEPT" }, { name: "NEW", value: "s3cret" }]);
  });

  it("sends allowed domains only with internet on, and empty lists when editing (they replace)", () => {
    const body = toRequest({ ...edited, internet: "setup", variables: [], secrets: [] }, true);
    expect(body).toMatchObject({ internet: "setup", variables: [], secrets: [] });
    expect(body.allowedDomains).toBeUndefined();
    expect(toRequest({ ...values, variables: [], secrets: [] } as EnvironmentValues, false)).toMatchObject({ variables: undefined, secrets: undefined });
  });

  it("refuses a new secret without a value at its row, when creating and when editing", () => {
    const create = ZCreateEnvironmentRequest.safeParse(toRequest({ ...values, secrets: [{ name: "S" }] } as EnvironmentValues, false));
    expect(rowIssues(create.error!.issues).rows).toEqual([{ name: ["secrets", 0, "value"], errors: ["Give the secret a value."] }]);
    const edit = ZPatchEnvironmentRequest.safeParse(toRequest({ ...values, secrets: [{ name: "KEPT", stored: true }, { name: "S" }] } as EnvironmentValues, true));
    expect(rowIssues(edit.error!.issues).rows).toEqual([{ name: ["secrets", 1, "value"], errors: ["Give the secret a value."] }]);
  });
});

describe("toRequest: remote repositories", () => {
  const remote = { ...values, repo: "https://git.example.test/o/r.git", token: " tok-1 ", sshKey: "ignored", forgeKind: "gitea" } as EnvironmentValues;

  it("sends the credential that fits the URL and the chosen forge", () => {
    expect(toRequest(remote, false)).toMatchObject({ credential: { token: "tok-1" }, forge: { kind: "gitea", apiUrl: undefined } });
    const ssh = toRequest({ ...remote, repo: "git@git.example.test:o/r.git", sshKey: "KEY" }, false);
    expect(ssh).toMatchObject({ credential: { sshKey: "KEY" } });
  });

  it("keeps a stored credential when nothing is typed, removes it when asked or when the repository is no longer remote", () => {
    expect(toRequest({ ...remote, token: "" }, true).credential).toBeUndefined();
    expect(toRequest({ ...remote, token: "", clearCredential: true }, true).credential).toBeNull();
    expect(toRequest({ ...remote, repo: "/srv/repo" }, true)).toMatchObject({ credential: null, forge: null });
  });

  it("lets the server detect the forge on create, and clears it when editing", () => {
    expect(toRequest({ ...remote, forgeKind: null }, false).forge).toBeUndefined();
    expect(toRequest({ ...remote, forgeKind: null }, true).forge).toBeNull();
  });
});
