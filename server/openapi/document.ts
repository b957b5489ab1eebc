import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";
import { ROUTES, type RouteDoc } from "./routes";

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: "input" | "output"): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  return rest;
};

const errorBody = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string", enum: Object.keys(ERROR_STATUS) }, message: { type: "string" }, details: {} },
    },
  },
};

function parameters(route: RouteDoc): Json[] {
  const from = (schema: z.ZodObject | undefined, where: "path" | "query") =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === "path" || !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(field as z.ZodType, "input"),
    }));
  return [...from(route.params, "path"), ...from(route.query, "query")];
}

function responses(route: RouteDoc): Json {
  const status = String(route.status ?? (route.response ? 200 : 204));
  const ok =
    route.response === undefined
      ? { description: "Done" }
      : typeof route.response === "string"
        ? { description: "OK", content: { [route.response]: { schema: { type: "string" } } } }
        : { description: "OK", content: { "application/json": { schema: jsonSchema(route.response, "output") } } };
  const error = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return { [status]: ok, "4XX": error, "5XX": error };
}

/** The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the handlers use. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      summary: route.summary,
      operationId: `${route.method}${route.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      ...(route.auth === false ? { security: [] } : {}),
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
      responses: responses(route),
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Codex Cloud API", version: "1.0.0", description: "Self-hosted Codex Cloud: environments, tasks, approvals, diffs and apply." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal access token from POST /api/tokens" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: errorBody },
    },
    paths,
  };
}
