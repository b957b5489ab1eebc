import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { splitDiff } from "@/lib/diff/parse";
import { git, gitOk } from "./git";
import { patchFiles } from "./numstat";

export interface PatchCheck {
  /** Files whose change does not apply to the target (it moved since the task started). */
  conflictPaths: string[];
  /** Files refused before trying: paths outside the repository or inside .git. */
  skippedPaths: string[];
  /** Files that would apply cleanly. */
  cleanPaths: string[];
}

/** A patch path git must never be asked to touch. */
export function isUnsafePatchPath(p: string): boolean {
  return p === "" || path.isAbsolute(p) || p.split("/").some((part) => part === ".." || part === ".git") || p.startsWith("-");
}

/** Runs git with a throwaway index holding `commit`'s tree; the repository's own index and work tree are never used. */
async function withScratchIndex<T>(repo: string, commit: string, run: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "codex-apply-"));
  const env = { GIT_INDEX_FILE: path.join(dir, "index") };
  try {
    await git(["read-tree", commit], { cwd: repo, env });
    return await run(env);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `--3way --check` passes even when the merge would conflict, so checks really apply, to a
// scratch index; a non-zero exit means conflicts (or a patch that does not apply at all).
const applyArgs = ["apply", "--cached", "--3way", "--whitespace=nowarn", "-"];

/**
 * Which files of `patch` apply on top of `commit` (3-way where the base blobs are known). Paths
 * are the ones git reads from the patch (`git apply --numstat -z`), so a quoted name such as
 * `"\303\251.txt"` is checked and reported as `é.txt`, the file git would write.
 */
export async function checkPatch(repo: string, commit: string, patch: string): Promise<PatchCheck> {
  const chunks = splitDiff(patch);
  const named = await patchFiles(repo, patch);
  if (named.length !== chunks.length) throw new Error(`git read ${named.length} files in a patch of ${chunks.length}`);
  const files = chunks.map((chunk, i) => ({ patch: chunk.patch, path: named[i]!.path, unsafe: [named[i]!.path, named[i]!.oldPath].some((p) => p !== undefined && isUnsafePatchPath(p)) }));
  const skippedPaths = files.filter((f) => f.unsafe).map((f) => f.path);
  const conflictPaths: string[] = [];
  const cleanPaths: string[] = [];
  for (const file of files.filter((f) => !f.unsafe)) {
    const ok = await withScratchIndex(repo, commit, (env) => gitOk(applyArgs, { cwd: repo, env, input: file.patch }));
    (ok ? cleanPaths : conflictPaths).push(file.path);
  }
  return { conflictPaths, skippedPaths, cleanPaths };
}

interface CommitIdentity {
  name: string;
  email: string;
}

/**
 * One commit whose tree is `base`'s tree with `patch` applied and whose parent is `parent`
 * (`base` itself unless given: a follow-up's full diff is committed on top of what was pushed
 * before). Objects only: no ref, index or work tree of the repository is touched.
 */
export async function commitOnto(opts: { repo: string; base: string; parent?: string; patch: string; message: string; author: CommitIdentity }): Promise<string> {
  return withScratchIndex(opts.repo, opts.base, async (indexEnv) => {
    await git(applyArgs, { cwd: opts.repo, env: indexEnv, input: opts.patch });
    const tree = (await git(["write-tree"], { cwd: opts.repo, env: indexEnv })).trim();
    const identity = {
      GIT_AUTHOR_NAME: opts.author.name,
      GIT_AUTHOR_EMAIL: opts.author.email,
      GIT_COMMITTER_NAME: opts.author.name,
      GIT_COMMITTER_EMAIL: opts.author.email,
    };
    return (await git(["commit-tree", tree, "-p", opts.parent ?? opts.base, "-F", "-"], { cwd: opts.repo, env: identity, input: opts.message })).trim();
  });
}

/** The tree a commit records, to tell whether a new commit would change anything. */
export async function treeOf(repo: string, commit: string): Promise<string> {
  return (await git(["rev-parse", "--verify", `${commit}^{tree}`], { cwd: repo })).trim();
}

/**
 * Commits `patch` on top of `parent` as one commit and creates `branch` pointing at it; fails
 * without writing a ref when the branch already exists. Objects only: no work tree is touched.
 */
export async function commitPatch(opts: { repo: string; parent: string; patch: string; branch: string; message: string; author: CommitIdentity }): Promise<string> {
  const commit = await commitOnto({ repo: opts.repo, base: opts.parent, patch: opts.patch, message: opts.message, author: opts.author });
  // The empty old value makes update-ref refuse an existing branch.
  await git(["update-ref", `refs/heads/${opts.branch}`, commit, ""], { cwd: opts.repo });
  return commit;
}
