import type { TDiffFile } from "@/lib/schemas/tasks";
import { codeSpan, literal, quote } from "./markdown";

/** GitHub's limit; GitLab allows 1,048,576 and Gitea more. */
export const MAX_BODY_LENGTH = 65_536;
const MAX_TITLE_LENGTH = 250;
const MAX_PROMPT = 8_000;
const MAX_SUMMARY = 30_000;
const MAX_FILES = 300;
const MAX_COMMANDS = 100;
const MAX_COMMAND_LENGTH = 300;
const TRUNCATED = "\n\n*… cut here: the pull request description has a size limit. The task page has everything.*";

export interface PullRequestTextOptions {
  title: string;
  prompt: string;
  /** The agent's final message. */
  finalMessage?: string;
  files: Pick<TDiffFile, "path" | "status" | "additions" | "deletions">[];
  /** exitCode null: the command did not finish. */
  commands: { command: string; exitCode: number | null }[];
  /** Link back to the task, e.g. https://codex.example/tasks/abc. */
  taskUrl?: string;
  maxBodyLength?: number;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

function limited<T>(items: T[], max: number, render: (item: T) => string, noun: string): string {
  const lines = items.slice(0, max).map(render);
  if (items.length > max) lines.push(`- … and ${items.length - max} more ${noun}`);
  return lines.join("\n");
}

function filesSection(files: PullRequestTextOptions["files"]): string {
  if (files.length === 0) return "No files changed.";
  const added = files.reduce((n, f) => n + f.additions, 0);
  const removed = files.reduce((n, f) => n + f.deletions, 0);
  const list = limited(files, MAX_FILES, (f) => `- ${codeSpan(f.path)} ${f.status}, +${f.additions} −${f.deletions}`, "files");
  return `${files.length} file(s), +${added} −${removed}\n\n${list}`;
}

function commandsSection(commands: PullRequestTextOptions["commands"]): string {
  if (commands.length === 0) return "The agent ran no commands.";
  const exit = (code: number | null) => (code === null ? "did not finish" : `exit ${code}`);
  return limited(commands, MAX_COMMANDS, (c) => `- ${codeSpan(clip(c.command, MAX_COMMAND_LENGTH))} → ${exit(c.exitCode)}`, "commands");
}

/** Cuts at a line boundary, so no code span or quote line is left open, and says so. */
function bound(body: string, max: number): string {
  if (body.length <= max) return body;
  const cut = body.lastIndexOf("\n", max - TRUNCATED.length);
  // A hard break's backslash must not end up before the marker.
  return `${body.slice(0, Math.max(cut, 0)).replace(/\\?\s*$/, "")}${TRUNCATED}`;
}

/** A pull request's title and Markdown body made from a task; every untrusted text is shown literally. */
export function composePullRequest(opts: PullRequestTextOptions): { title: string; body: string } {
  const title = clip(opts.title.replace(/[\u0000-\u001f\u007f]+/g, " ").trim() || "Changes from Codex Cloud", MAX_TITLE_LENGTH);
  const summary = opts.finalMessage?.trim() ? literal(clip(opts.finalMessage.trim(), MAX_SUMMARY)) : "*The agent left no summary.*";
  const footer = opts.taskUrl ? `Made by Codex Cloud from [this task](<${encodeURI(opts.taskUrl)}>).` : "Made by Codex Cloud.";
  const content = [
    `### Task\n\n${quote(clip(opts.prompt.trim(), MAX_PROMPT))}`,
    `### Summary\n\n${summary}`,
    `### Files changed\n\n${filesSection(opts.files)}`,
    `### Commands run\n\n${commandsSection(opts.commands)}`,
  ].join("\n\n");
  const end = `\n\n---\n\n${footer}`;
  return { title, body: bound(content, (opts.maxBodyLength ?? MAX_BODY_LENGTH) - end.length) + end };
}
