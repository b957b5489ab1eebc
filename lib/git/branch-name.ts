// Browser-safe: the task page shows the branch a pull request will get before it is made.

const MAX_GENERATED = 60;

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
