import { describe, expect, it } from "vitest";
import { codeSpan, literal, quote } from "./markdown";
import { composePullRequest, MAX_BODY_LENGTH } from "./pr-text";

const task = {
  title: "Fix the login bug",
  prompt: "Fix the login bug.\nIt fails on Safari.",
  finalMessage: "Fixed the cookie path.\n\nTests pass.",
  files: [
    { path: "src/auth.ts", status: "modified" as const, additions: 3, deletions: 1 },
    { path: "test/auth.test.ts", status: "added" as const, additions: 20, deletions: 0 },
  ],
  commands: [
    { command: "npm test", exitCode: 0 },
    { command: "npm run lint", exitCode: 1 },
    { command: "sleep 999", exitCode: null },
  ],
  taskUrl: "https://codex.example/tasks/abc",
};

describe("composePullRequest", () => {
  it("has the task quoted, the summary, the files and the commands with their exit codes", () => {
    const { title, body } = composePullRequest(task);
    expect(title).toBe("Fix the login bug");
    expect(body).toContain("### Task\n\n> Fix the login bug.\\\n> It fails on Safari.");
    expect(body).toContain("### Summary\n\nFixed the cookie path.\n\nTests pass.");
    expect(body).toContain("2 file(s), +23 −1\n\n- `src/auth.ts` modified, +3 −1\n- `test/auth.test.ts` added, +20 −0");
    expect(body).toContain("- `npm test` → exit 0\n- `npm run lint` → exit 1\n- `sleep 999` → did not finish");
    expect(body.endsWith("---\n\nMade by Codex Cloud from [this task](<https://codex.example/tasks/abc>).")).toBe(true);
  });

  it("says so when there is no summary, no file and no command", () => {
    const { title, body } = composePullRequest({ title: " \n", prompt: "p", files: [], commands: [] });
    expect(title).toBe("Changes from Codex Cloud");
    expect(body).toContain("*The agent left no summary.*");
    expect(body).toContain("No files changed.");
    expect(body).toContain("The agent ran no commands.");
  });

  it("stays within the forge's limit, cut at a line with a marker, the footer kept", () => {
    const files = Array.from({ length: 1000 }, (_, i) => ({ path: `f${i}`, status: "added" as const, additions: 1, deletions: 0 }));
    expect(composePullRequest({ ...task, files }).body).toContain("- `f299` added, +1 −0\n- … and 700 more files");
    const deep = files.map((f) => ({ ...f, path: `src/${"deep/".repeat(20)}${f.path}` }));
    const long = composePullRequest({ ...task, prompt: "x".repeat(100_000), finalMessage: "line\n".repeat(50_000), files: deep });
    expect(long.body.length).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(long.body).toContain("*… cut here");
    const small = composePullRequest({ ...task, finalMessage: "word ".repeat(5_000), maxBodyLength: 2_000 });
    expect(small.body.length).toBeLessThanOrEqual(2_000);
    expect(small.body).toMatch(/\n\n\*… cut here: .*\*\n\n---\n\nMade by Codex Cloud from \[this task\]/);
    expect(composePullRequest({ ...task, title: "t".repeat(400) }).title).toHaveLength(251);
  });
});

describe("untrusted text", () => {
  it("cannot close a code span, whatever backticks it holds", () => {
    expect(codeSpan("npm test")).toBe("`npm test`");
    expect(codeSpan("echo `date` ``x``")).toBe("``` echo `date` ``x`` ```");
    expect(codeSpan("`start")).toBe("`` `start ``");
    expect(codeSpan("two\n\nlines")).toBe("`two lines`");
  });

  it("shows mentions, references, HTML, comments and markup as written, inert", () => {
    const text = "@octocat fixes #12 and !3, cc @acme/team <!-- hidden --> <img src=x> **bold** [a](http://x) ![i](http://t) ~~s~~ | $x$ a@b.com R&D";
    expect(literal(text)).toBe(
      "`@octocat` fixes `#12` and `!3`, cc `@acme/team` &lt;!-- hidden --&gt; &lt;img src=x&gt; \\*\\*bold\\*\\* \\[a\\](http://x) !\\[i\\](http://t) \\~\\~s\\~\\~ \\| \\$x\\$ a@b.com R&amp;D",
    );
  });

  it("neutralises line-start markup and GitLab quick actions, keeps line breaks and indentation", () => {
    expect(literal("/merge\n# Title\n- item\n1. one\n  indented\n\nnext")).toBe("\\/merge\\\n\\# Title\\\n\\- item\\\n1\\. one\\\n&nbsp;&nbsp;indented\n\nnext");
    expect(quote("a\n\nb")).toBe("> a\n>\n> b");
  });

  it("puts untrusted paths and commands in code spans in the body", () => {
    const { body } = composePullRequest({ ...task, files: [{ path: "a`b.md", status: "added", additions: 1, deletions: 0 }], commands: [{ command: "echo ```\n@here", exitCode: 0 }] });
    expect(body).toContain("- ``a`b.md`` added");
    expect(body).toContain("- ````echo ``` @here```` → exit 0");
  });
});
