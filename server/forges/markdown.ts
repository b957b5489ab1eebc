// Untrusted text (prompts, agent output, commands, paths) in a pull request body: shown as
// written on GitHub, GitLab and Gitea, never as markup, HTML, a mention, a cross-reference
// (`Fixes #12` would close the issue) or a GitLab quick action (`/merge` at a line's start).

const INLINE = /[\\`*_[\]~|$]/g;
// @user, @org/team, #12, !12 (GitLab merge request), &12 (GitLab epic); not inside words or emails.
const REFERENCE = /(?<![\w`])([@#!&][A-Za-z0-9][\w.-]*(?:\/[\w.-]+)?)/;

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(INLINE, "\\$&");

/** One line of literal text: escaped punctuation, no HTML, references as code spans. */
function literalLine(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const parts = line.slice(indent.length).split(REFERENCE);
  const body = parts.map((part, i) => (i % 2 === 1 ? `\`${part}\`` : escapeText(part))).join("");
  // Headings, lists, setext underlines, ordered lists and GitLab quick actions start a line.
  const inert = body.replace(/^(\d+)([.)])/, "$1\\$2").replace(/^[#+\-=/]/, "\\$&");
  return "&nbsp;".repeat(indent.replace(/\t/g, "  ").length) + inert;
}

/** Multi-line literal text; line breaks are kept as hard breaks, blank lines as paragraphs. */
export function literal(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split("\n").map(literalLine).join("\\\n"))
    .join("\n\n");
}

/** Literal text as a blockquote. */
export function quote(text: string): string {
  return literal(text)
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
}

/** A code span that no backtick in `text` can close; one line, control characters removed. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat.startsWith(" ") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
