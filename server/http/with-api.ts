import type { z } from "zod";
import type { TTokenScope } from "@/lib/schemas/tokens";
import type { Actor } from "../auth/actor";
import { resolveActor } from "../auth/session";
import { AppError, errorResponse } from "./errors";
import { readJsonBody } from "./body";
import { assertNoNulBytes } from "./nul-bytes";
import { assertScope } from "../permissions/tokens";
import { isCrossOriginCookieWrite } from "./origin";

type AuthMode = "session" | "token" | "none";
type AnySchema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface Schemas {
  params?: AnySchema;
  query?: AnySchema;
  body?: AnySchema;
}

export interface ApiContext<S extends Schemas, A extends AuthMode> {
  req: Request;
  actor: A extends "none" ? Actor | null : Actor;
  params: Out<S["params"]>;
  query: Out<S["query"]>;
  body: Out<S["body"]>;
}

interface ApiOptions<S extends Schemas, A extends AuthMode> {
  /** session: a signed-in user by cookie or bearer token; token: bearer only; none: open. */
  auth: A;
  /**
   * The token scope the route needs: `read` for GET unless given, `admin` for any other method
   * unless given (so a new route is closed to narrow tokens until it says otherwise).
   */
  scope?: TTokenScope;
  schemas?: S;
  /** 200 unless given; the handler may also return its own Response. */
  status?: number;
  handler: (ctx: ApiContext<S, A>) => Promise<unknown>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

async function authenticate(mode: AuthMode, req: Request): Promise<Actor | null> {
  if (mode === "token" && !req.headers.get("authorization")) {
    throw new AppError("UNAUTHENTICATED", "This route needs an Authorization: Bearer token.");
  }
  const actor = await resolveActor(req.headers);
  if (!actor && mode !== "none") throw new AppError("UNAUTHENTICATED", "Sign in or send a valid token.");
  return actor;
}

function parse<S extends AnySchema | undefined>(schema: S, value: unknown, where: string): Out<S> {
  if (schema) assertNoNulBytes(value, where);
  return (schema ? schema.parse(value) : undefined) as Out<S>;
}

type Parsed<S extends Schemas> = Pick<ApiContext<S, AuthMode>, "params" | "query" | "body">;

/** Wraps a route handler: authentication, zod validation of params/query/body, one error shape. */
export function withApi<S extends Schemas, A extends AuthMode>(opts: ApiOptions<S, A>) {
  return async (req: Request, route?: RouteContext): Promise<Response> => {
    try {
      if (isCrossOriginCookieWrite(req)) {
        throw new AppError("FORBIDDEN", "A signed-in change must come from this site's own pages (or use a bearer token).");
      }
      const actor = (await authenticate(opts.auth, req)) as ApiContext<S, A>["actor"];
      if (actor) assertScope(actor, opts.scope ?? (req.method === "GET" || req.method === "HEAD" ? "read" : "admin"));
      const schemas = opts.schemas ?? ({} as S);
      const parsed = {
        params: parse(schemas.params, (await route?.params) ?? {}, "params"),
        query: parse(schemas.query, Object.fromEntries(new URL(req.url).searchParams), "query"),
        body: schemas.body ? parse(schemas.body, await readJsonBody(req), "body") : undefined,
      } as Parsed<S>;
      const result = await opts.handler({ req, actor, ...parsed });
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: opts.status ?? 204 });
      return Response.json(result, { status: opts.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
