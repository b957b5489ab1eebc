import { pullRequestBranchName } from "@/lib/git/branch-name";
import { assertValidBranchName } from "../git/repo";
import { AppError } from "../http/errors";

export { pullRequestBranchName };

const MAX_REQUESTED = 200;

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
