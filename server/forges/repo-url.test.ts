import { describe, expect, it } from "vitest";
import { gitlabProjectId } from "./gitlab";
import { parseRepoUrl } from "./repo-url";

describe("parseRepoUrl", () => {
  it.each([
    ["https://github.com/acme/widgets", { host: "github.com", owner: "acme", name: "widgets", origin: "https://github.com" }],
    ["https://token@GitHub.com/acme/widgets.git/", { host: "github.com", owner: "acme", name: "widgets", origin: "https://github.com" }],
    ["http://git.local:3000/acme/widgets.git", { host: "git.local", owner: "acme", name: "widgets", origin: "http://git.local:3000" }],
    ["ssh://git@gitlab.com:2222/group/sub/widgets.git", { host: "gitlab.com", owner: "group/sub", name: "widgets" }],
    ["git@github.com:acme/widgets.git", { host: "github.com", owner: "acme", name: "widgets" }],
    ["gitea.example:acme/widgets", { host: "gitea.example", owner: "acme", name: "widgets" }],
    ["git://git.example/acme/widgets", { host: "git.example", owner: "acme", name: "widgets" }],
    ["https://gitlab.com/group/sub/widgets/-/tree/main", { host: "gitlab.com", owner: "group/sub", name: "widgets", origin: "https://gitlab.com" }],
  ])("%s", (url, expected) => {
    expect(parseRepoUrl(url)).toEqual(expected);
  });

  it.each(["/srv/repos/widgets", "file:///srv/repos/widgets", "https://github.com/widgets", "git@github.com:widgets.git", "https://h/a/%2F/b", "https://h/a/../b", "ftp://h/a/b", ""])(
    "refuses %j",
    (url) => expect(parseRepoUrl(url)).toBeUndefined(),
  );

  it("gives GitLab's project id for nested groups", () => {
    expect(gitlabProjectId(parseRepoUrl("git@gitlab.com:group/sub/repo.git")!)).toBe("group%2Fsub%2Frepo");
  });
});
