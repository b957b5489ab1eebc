import { assertValidBranchName } from "../git/repo";
import { AppError } from "../http/errors";

const MAX_GENERATED = 60;
const MAX_REQUESTED = 200;

/** Lowercase ASCII words joined by "-", accents dropped, at most `max` characters. */
function slug(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, max)
    .replace(/-+$/, "");
}

/** `codex/<slug of the title>-<short id>`, at most 60 characters; always a valid git branch name. */
export function pullRequestBranchName(opts: { title: string; taskId: string }): string {
  const id = opts.taskId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(-8);
  const words = slug(opts.title, MAX_GENERATED - "codex/".length - id.length - 1);
  return `codex/${[words, id].filter(Boolean).join("-")}`;
}

/** The branch to push: the name the user edited, checked as `git check-ref-format --branch` does, or the generated one. */
export async function pullRequestBranch(opts: { title: string; taskId: string; requested?: string }): Promise<string> {
  if (opts.requested === undefined) return pullRequestBranchName(opts);
  const name = opts.requested.trim();
  if (name.length > MAX_REQUESTED) {
    const message = `A branch name has at most ${MAX_REQUESTED} characters.`;
    throw new AppError("VALIDATION_FAILED", message, [{ path: ["branchName"], message }]);
  }
  await assertValidBranchName(name, "branchName");
  return name;
}
