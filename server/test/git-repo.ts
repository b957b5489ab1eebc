import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { git } from "../git/git";

const identity = {
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.test",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.test",
};

/** A real git repository in a temp folder with one commit on `main` holding `files`. */
export async function makeRepo(files: Record<string, string> = { "README.md": "# Demo\n" }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "codex-repo-"));
  await git(["init", "--quiet", "--initial-branch=main"], { cwd: dir });
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  await commitAll(dir, "initial");
  return dir;
}

export async function commitAll(dir: string, message: string): Promise<string> {
  await git(["add", "--all"], { cwd: dir });
  await git(["commit", "--quiet", "--allow-empty", "-m", message], { cwd: dir, env: identity });
  return (await git(["rev-parse", "HEAD"], { cwd: dir })).trim();
}
