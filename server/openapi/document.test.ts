import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { ROUTES } from "./routes";

describe("openApiDocument", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(openApiDocument() as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("rejects a document that breaks the schema, so the check above means something", async () => {
    const broken = { ...openApiDocument(), paths: { "/x": { get: { responses: "none" } } } };
    expect((await new Validator().validate(broken as Parameters<Validator["validate"]>[0])).valid).toBe(false);
  });

  it("documents every route with its request schema", () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: unknown; parameters: Array<{ name: string }> }>> };
    expect(Object.values(doc.paths).flatMap((ops) => Object.keys(ops))).toHaveLength(ROUTES.length);
    const createTask = doc.paths["/api/tasks"]?.post;
    expect(JSON.stringify(createTask?.requestBody)).toContain("environmentId");
    expect(doc.paths["/api/tasks"]?.get?.parameters.map((p) => p.name)).toEqual(["status", "environmentId", "q", "archived", "cursor", "limit"]);
  });
});
