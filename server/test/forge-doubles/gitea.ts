// Test double of the Gitea/Forgejo REST API v1 (the swagger at /api/swagger): create, get,
// update pull requests and get one by base and head. Error texts are the ones Gitea/Forgejo
// send (BaseNotExist, "pull request already exists for these targets"), not a contract.
import { type DoubleContext, type DoubleHandler, type DoublePull, type DoubleRequest, field } from "./server";

const problem = (status: number, message: string, ctx: DoubleContext) => ({ status, body: { message, url: `${ctx.webUrl}/api/swagger` } });

function render(pull: DoublePull, ctx: DoubleContext) {
  return {
    id: 500 + pull.number,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    state: pull.state === "open" ? "open" : "closed",
    merged: pull.state === "merged",
    merged_at: pull.state === "merged" ? "2026-01-01T00:00:00Z" : null,
    html_url: `${ctx.webUrl}/${ctx.state.repo}/pulls/${pull.number}`,
    head: { ref: pull.head },
    base: { ref: pull.base },
  };
}

async function create(req: DoubleRequest, ctx: DoubleContext) {
  const [title, head, base] = ["title", "head", "base"].map((name) => field(req.body, name));
  if (!title) return problem(422, "[Title]: Required", ctx);
  if (!base || !(await ctx.hasBranch(base))) return problem(404, "BaseNotExist", ctx);
  if (!head || !(await ctx.hasBranch(head))) return problem(404, "HeadNotExist", ctx);
  const open = ctx.state.pulls.find((p) => p.state === "open" && p.head === head && p.base === base);
  if (open) {
    const targets = `[id: ${500 + open.number}, issue_id: ${open.number}, head_repo_id: 1, base_repo_id: 1, head_branch: ${head}, base_branch: ${base}]`;
    return problem(409, `pull request already exists for these targets ${targets}`, ctx);
  }
  const pull: DoublePull = { number: ctx.state.pulls.length + 1, head, base, title, body: field(req.body, "body") ?? "", draft: false, state: "open" };
  ctx.state.pulls.push(pull);
  return { status: 201, body: render(pull, ctx) };
}

export const giteaHandler: DoubleHandler = (req, ctx) => {
  const auth = req.headers.authorization;
  if (auth !== `token ${ctx.state.token}` && auth !== `Bearer ${ctx.state.token}`) return problem(401, "invalid username, password or token", ctx);
  const prefix = `/repos/${ctx.state.repo}/pulls`;
  if (req.path === prefix && req.method === "POST") return create(req, ctx);
  const rest = req.path.startsWith(`${prefix}/`) ? req.path.slice(prefix.length + 1).split("/").map(decodeURIComponent) : [];
  const [first, ...head] = rest;
  const pull =
    head.length === 0
      ? ctx.state.pulls.find((p) => String(p.number) === first)
      : ctx.state.pulls.findLast((p) => p.base === first && p.head === head.join("/"));
  if (!pull) return problem(404, "The target couldn't be found.", ctx);
  if (req.method === "PATCH") pull.body = field(req.body, "body") ?? pull.body;
  return { status: 200, body: render(pull, ctx) };
};
