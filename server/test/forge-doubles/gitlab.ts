// Test double of GitLab's REST API v4 (docs.gitlab.com/api/merge_requests): create, get, update
// and list merge requests of one project, addressed by its URL-encoded path.
import { type DoubleContext, type DoubleHandler, type DoublePull, type DoubleRequest, field } from "./server";

const message = (status: number, text: unknown) => ({ status, body: { message: text } });
const STATES = { open: "opened", merged: "merged", closed: "closed" } as const;

function render(mr: DoublePull, ctx: DoubleContext) {
  return {
    id: 1000 + mr.number,
    iid: mr.number,
    project_id: 1,
    title: mr.title,
    description: mr.body,
    state: STATES[mr.state],
    draft: /^\s*(\[draft\]|\(draft\)|draft:|draft -)/i.test(mr.title),
    source_branch: mr.head,
    target_branch: mr.base,
    merged_at: mr.state === "merged" ? "2026-01-01T00:00:00Z" : null,
    web_url: `${ctx.webUrl}/${ctx.state.repo}/-/merge_requests/${mr.number}`,
  };
}

async function create(req: DoubleRequest, ctx: DoubleContext) {
  const [title, source, target] = ["title", "source_branch", "target_branch"].map((name) => field(req.body, name));
  // Grape's answer to a missing required parameter.
  if (!title || !source || !target) return { status: 400, body: { error: "title, source_branch, target_branch are missing" } };
  // MergeRequests::BuildService puts these on :base, which the API answers with 422.
  if (!(await ctx.hasBranch(source))) return message(422, [`Source branch "${source}" does not exist`]);
  if (!(await ctx.hasBranch(target))) return message(422, [`Target branch "${target}" does not exist`]);
  const open = ctx.state.pulls.find((p) => p.state === "open" && p.head === source && p.base === target);
  if (open) return message(409, [`Another open merge request already exists for this source branch: !${open.number}`]);
  const mr: DoublePull = { number: ctx.state.pulls.length + 1, head: source, base: target, title, body: field(req.body, "description") ?? "", draft: false, state: "open" };
  ctx.state.pulls.push(mr);
  return { status: 201, body: render(mr, ctx) };
}

function list(req: DoubleRequest, ctx: DoubleContext) {
  const state = req.query.get("state") ?? "all";
  const source = req.query.get("source_branch");
  const target = req.query.get("target_branch");
  const mrs = ctx.state.pulls.filter(
    (p) => (state === "all" || STATES[p.state] === state) && (!source || p.head === source) && (!target || p.base === target),
  );
  return { status: 200, body: mrs.map((mr) => render(mr, ctx)) };
}

export const gitlabHandler: DoubleHandler = (req, ctx) => {
  const token = ctx.state.token;
  if (req.headers["private-token"] !== token && req.headers.authorization !== `Bearer ${token}`) return message(401, "401 Unauthorized");
  const match = /^\/projects\/([^/]+)\/merge_requests(?:\/(\d+))?$/.exec(req.path);
  if (!match || decodeURIComponent(match[1]!) !== ctx.state.repo) return message(404, "404 Project Not Found");
  if (match[2] === undefined) return req.method === "POST" ? create(req, ctx) : list(req, ctx);
  const mr = ctx.state.pulls.find((p) => p.number === Number(match[2]));
  if (!mr) return message(404, "404 Not found");
  if (req.method === "PUT") mr.body = field(req.body, "description") ?? mr.body;
  return { status: 200, body: render(mr, ctx) };
};
