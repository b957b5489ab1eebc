import { describe, expect, it } from "vitest";
import { autoApproves, isReadOnlyCommand, matchesPrefix } from "./policy";
import { unwrapShell } from "./shell-words";

const readsOnly = (cmd: string) => expect(isReadOnlyCommand(cmd), cmd).toBe(true);
const mayWrite = (cmd: string) => expect(isReadOnlyCommand(cmd), cmd).toBe(false);

describe("isReadOnlyCommand", () => {
  it.each([
    "ls -la",
    "cat README.md",
    "git status",
    "git log --oneline -5",
    "git --no-pager log -1 --stat",
    "git diff HEAD~1",
    "git diff --no-ext-diff --no-textconv",
    "git branch -a",
    "git branch --show-current",
    "grep -rn TODO src | head -20",
    "find . -name '*.ts'",
    "rg foo && wc -l a.txt",
    "rg --pre-glob '*.gz' foo",
    "sort -k2 -t, data.csv",
    "ls src/*.ts 2>/dev/null",
    "pwd; ls",
    "[ -f package.json ]",
    "/bin/bash -lc 'git status'",
  ])("reads only: %s", readsOnly);

  it.each([
    "rm -rf /",
    "touch approved.txt",
    "echo hi > file.txt",
    "cat a >> b",
    "ls && rm x",
    "grep x a | tee out.txt",
    "find . -delete",
    "find . -exec rm {} ;",
    "git commit -m x",
    "git branch -D main",
    "git diff --output=patch.txt",
    "sort -o out.txt in.txt",
    "ls $(rm x)",
    "ls `rm x`",
    "ls $HOME",
    "npm test",
    "sed -i s/a/b/ f",
    "bash -lc 'ls; rm -rf x'",
    "ls &",
    "(ls)",
    "ls\nrm x",
    "FOO=1 ls",
    "",
  ])("may write: %s", mayWrite);

  it("refuses tree -o FILE and tree -R, which write listings", () => {
    ["tree -o listing.txt", "tree -ao listing.txt", "tree -R -H . "].forEach(mayWrite);
  });

  it("refuses sort's output file and compress program, in clusters and abbreviations too", () => {
    ["sort --compress-program=sh big.txt", "sort --compress=sh big.txt", "sort -ro out.txt in.txt", "sort --out=out.txt in.txt"].forEach(mayWrite);
  });

  it("refuses git grep -O / --open-files-in-pager, which run a pager", () => {
    ["git grep -Osh TODO", "git grep -nOsh TODO", "git grep --open-files-in-pager=sh TODO", "git grep --open TODO"].forEach(mayWrite);
  });

  it("refuses git diff with an external diff: --ext-diff, -c or --config-env overrides", () => {
    ["git diff --ext-diff", "git show --ext-diff HEAD", "git -c diff.external=./x.sh diff", "git --config-env=diff.external=EVIL diff", "git -C /tmp diff"].forEach(mayWrite);
  });

  it("refuses abbreviated git --output (git takes --out)", () => mayWrite("git diff --out=patch.txt"));

  it("refuses find's actions however they are quoted", () => {
    ["find . -ex''ec rm {} +", "find . -del\"\"ete", "find . -fprint out.txt", "find . -fls out.txt"].forEach(mayWrite);
  });

  it("refuses rg --hostname-bin, which runs a program", () => mayWrite("rg --hostname-bin=./x.sh --hyperlink-format=default TODO"));

  it("refuses file -C, which compiles a magic file", () => mayWrite("file -C -m magic"));

  it("refuses date -s / --set, which set the clock", () => ["date -s 2020-01-01", "date --set=2020-01-01", "date -us 2020-01-01"].forEach(mayWrite));

  it("refuses git branch and remote forms that change configuration", () => {
    ["git branch --set-upstream-to=origin/main", "git branch --unset-upstream", "git branch --edit-description", "git remote rename a b"].forEach(mayWrite);
  });

  it("refuses ANSI-C quoting, which shell-quote does not decode", () => mayWrite("sort $'-o' out.txt in.txt"));

  it("refuses globs and brace expansions that could produce an option", () => {
    ["sort *", "sort ?x", "tree [-]o out.txt", "sort {-o,out.txt} in.txt"].forEach(mayWrite);
  });
});

describe("matchesPrefix", () => {
  it("matches whole words of one simple command", () => {
    expect(matchesPrefix("npm test -- --watch=false", ["npm test"])).toBe(true);
    expect(matchesPrefix("npm testing", ["npm test"])).toBe(false);
    expect(matchesPrefix("npm test && rm -rf /", ["npm test"])).toBe(false);
    expect(matchesPrefix("npm test > out", ["npm test"])).toBe(false);
    expect(matchesPrefix("npm test $(rm -rf x)", ["npm test"])).toBe(false);
    expect(matchesPrefix("bash -lc 'npm test'", ["npm test"])).toBe(true);
    expect(matchesPrefix("'npm' \"test\" a", ["npm test"])).toBe(true);
  });
});

describe("autoApproves", () => {
  const env = { autoApproveReadOnly: true, autoApprovePrefixes: ["make lint"] };
  it("approves read-only and allowlisted commands, never file changes", () => {
    expect(autoApproves(env, { kind: "command", command: "ls" })).toBe(true);
    expect(autoApproves(env, { kind: "command", command: "make lint" })).toBe(true);
    expect(autoApproves(env, { kind: "command", command: "touch x" })).toBe(false);
    expect(autoApproves(env, { kind: "fileChange" })).toBe(false);
    expect(autoApproves({ ...env, autoApproveReadOnly: false }, { kind: "command", command: "ls" })).toBe(false);
  });

  it("needs every action codex parsed (commandActions) to be read-only too", () => {
    const command = "/bin/bash -lc 'rg TODO | head'";
    const search = { type: "search" as const, command: "rg TODO", query: "TODO", path: null };
    expect(autoApproves(env, { kind: "command", command, commandActions: [search] })).toBe(true);
    expect(autoApproves(env, { kind: "command", command, commandActions: [search, { type: "unknown", command: "rm -rf x" }] })).toBe(false);
    expect(autoApproves(env, { kind: "command", command, commandActions: [{ type: "read", command: "sed -n w/x f", name: "f", path: "f" }] })).toBe(false);
  });

  it("unwraps shell wrappers", () => {
    expect(unwrapShell(`bash -lc "ls -la"`)).toBe("ls -la");
    expect(unwrapShell("ls")).toBe("ls");
    expect(unwrapShell("/bin/bash -lc ls")).toBe("ls");
    expect(isReadOnlyCommand("/bin/bash -lc ls")).toBe(true);
    expect(isReadOnlyCommand("/bin/bash -lc rm -rf x")).toBe(false);
  });
});
