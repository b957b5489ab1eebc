// Test double of GitHub's REST API (docs.github.com/rest/pulls/pulls, version 2022-11-28):
// create, get, update and list pull requests of one repository.
import { type DoubleContext, type DoubleHandler, type DoublePull, type DoubleRequest, field } from "./server";

const DOCS = "https://docs.github.com/rest/pulls/pulls";
const problem = (status: number, message: string, errors?: unknown[]) => ({ status, body: { message, errors, documentation_url: DOCS, status: String(status) } });
const invalid = (errors: unknown[]) => problem(422, "Validation Failed", errors);

function render(pull: DoublePull, ctx: DoubleContext, single: boolean) {
  const merged = pull.state === "merged";
  return {
    number: pull.number,
    html_url: `${ctx.webUrl}/${ctx.state.repo}/pull/${pull.number}`,
    state: pull.state === "open" ? "open" : "closed",
    ...(single ? { merged } : {}),
    merged_at: merged ? "2026-01-01T00:00:00Z" : null,
    draft: pull.draft,
    title: pull.title,
    body: pull.body,
    head: { ref: pull.head },
    base: { ref: pull.base },
  };
}

async function create(req: DoubleRequest, ctx: DoubleContext) {
  const [title, head, base] = ["title", "head", "base"].map((name) => field(req.body, name));
  const missing = Object.entries({ title, head, base }).filter(([, v]) => !v);
  if (missing.length > 0) return invalid(missing.map(([name]) => ({ resource: "PullRequest", field: name, code: "missing_field" })));
  const branch = head!.includes(":") ? head!.slice(head!.indexOf(":") + 1) : head!;
  if (!(await ctx.hasBranch(base!))) return invalid([{ resource: "PullRequest", field: "base", code: "invalid" }]);
  if (!(await ctx.hasBranch(branch))) return invalid([{ resource: "PullRequest", field: "head", code: "invalid" }]);
  if (ctx.state.pulls.some((p) => p.state === "open" && p.head === branch && p.base === base)) {
    const owner = ctx.state.repo.split("/")[0];
    return invalid([{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${owner}:${branch}.` }]);
  }
  const draft = (req.body as { draft?: unknown }).draft === true;
  const pull: DoublePull = { number: ctx.state.pulls.length + 1, head: branch, base: base!, title: title!, body: field(req.body, "body") ?? "", draft, state: "open" };
  ctx.state.pulls.push(pull);
  return { status: 201, body: render(pull, ctx, true) };
}

function list(req: DoubleRequest, ctx: DoubleContext) {
  const state = req.query.get("state") ?? "open";
  const head = req.query.get("head");
  const base = req.query.get("base");
  const pulls = ctx.state.pulls.filter(
    (p) =>
      (state === "all" || (state === "open") === (p.state === "open")) &&
      (!head || `${ctx.state.repo.split("/")[0]}:${p.head}` === head) &&
      (!base || p.base === base),
  );
  return { status: 200, body: pulls.map((p) => render(p, ctx, false)) };
}

export const githubHandler: DoubleHandler = (req, ctx) => {
  const auth = req.headers.authorization;
  if (auth !== `Bearer ${ctx.state.token}` && auth !== `token ${ctx.state.token}`) return problem(401, "Bad credentials");
  const version = req.headers["x-github-api-version"];
  if (version !== undefined && version !== "2022-11-28") return problem(400, `Unsupported API version ${String(version)}`);
  const prefix = `/repos/${ctx.state.repo}/pulls`;
  if (req.path === prefix && req.method === "POST") return create(req, ctx);
  if (req.path === prefix && req.method === "GET") return list(req, ctx);
  const pull = ctx.state.pulls.find((p) => req.path === `${prefix}/${p.number}`);
  if (!pull) return problem(404, "Not Found");
  if (req.method === "PATCH") pull.body = field(req.body, "body") ?? pull.body;
  return { status: 200, body: render(pull, ctx, true) };
};
