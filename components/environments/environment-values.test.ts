import { describe, expect, it } from "vitest";
import { ZCreateEnvironmentRequest, ZPatchEnvironmentRequest } from "@/lib/schemas/environments";
import { type EnvironmentValues, NEW_ENVIRONMENT, toRequest } from "./environment-values";

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
