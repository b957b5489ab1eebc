import { describe, expect, it } from "vitest";
import { bwrapCommand } from "./bubblewrap";
import type { SandboxSpec } from "./spec";

const tools = { bwrap: "/usr/bin/bwrap", prlimit: "/usr/bin/prlimit", setpriv: "/usr/bin/setpriv" };
const spec: SandboxSpec = {
  uid: 1_500_000_001,
  gid: 1_500_000_001,
  mounts: [
    { path: "/srv/data/tasks/t1", writable: true },
    { path: "/opt/app/node_modules/codex/bin", writable: false },
  ],
  files: [{ path: "/etc/codex/config.toml", content: "model = 'demo'\n" }],
  cwd: "/srv/data/tasks/t1/attempt-0",
  env: { HOME: "/srv/data/tasks/t1/home" },
  network: { socketDir: "/tmp/ccs-x", bridges: [{ port: 18080, socket: "model.sock" }] },
  limits: { processes: 100, memoryBytes: 1 << 30 },
};

const after = (argv: string[], flag: string) => argv.slice(argv.indexOf(flag) + 1);

describe("bwrapCommand", () => {
  it("as root: an outer bwrap without a user namespace, then setpriv to the task's uid, prlimit, an inner bwrap with one", () => {
    const { argv, data } = bwrapCommand(spec, ["codex", "app-server"], { tools, asRoot: true });
    const outerEnd = argv.indexOf("--");
    const outer = argv.slice(0, outerEnd);
    expect(outer[0]).toBe(tools.bwrap);
    expect(outer).toEqual(expect.arrayContaining(["--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--die-with-parent"]));
    expect(outer).not.toContain("--unshare-user");
    const rest = argv.slice(outerEnd + 1);
    expect(rest.slice(0, 8)).toEqual([tools.setpriv, "--reuid", "1500000001", "--regid", "1500000001", "--clear-groups", "--no-new-privs", "--"]);
    expect(after(rest, "--")).toEqual(expect.arrayContaining([tools.prlimit, "--nproc=400:400", tools.bwrap, "--unshare-user", "--uid", "1500000001"]));
    expect(argv.slice(-2)).toEqual(["codex", "app-server"]);
    expect(argv.join(" ")).toContain("socat TCP-LISTEN:18080,bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:/run/codex-cloud/model.sock");
    // The generated files come through pipes (fd 3 on), one per file: passwd, group, hostname, hosts, resolv.conf, config.
    expect(data).toHaveLength(6);
    expect(data[0]).toContain("codex:x:1500000001:1500000001:Codex task:/srv/data/tasks/t1/home:/bin/bash");
    expect(outer.join(" ")).toContain("--ro-bind-data 8 /etc/codex/config.toml");
  });

  it("shows exactly the spec's folders, each parent made explicitly, read-only where asked, and nothing of the host's /etc beyond its list", () => {
    const { argv } = bwrapCommand(spec, ["true"], { tools, asRoot: true });
    const joined = argv.join(" ");
    for (const dir of ["/srv", "/srv/data", "/srv/data/tasks", "/opt", "/opt/app", "/opt/app/node_modules/codex"]) expect(joined).toContain(`--dir ${dir} `);
    expect(joined).toContain("--bind /srv/data/tasks/t1 /srv/data/tasks/t1");
    expect(joined).toContain("--ro-bind /opt/app/node_modules/codex/bin /opt/app/node_modules/codex/bin");
    expect(joined).toContain("--ro-bind /tmp/ccs-x /run/codex-cloud");
    expect(joined).not.toMatch(/--(ro-)?bind(-try)? \/etc\/(passwd|shadow|profile|bash\.bashrc|gitconfig|npmrc) /);
    expect(joined).not.toMatch(/--(ro-)?bind \/(root|home|srv\/data) /);
  });

  it("as another user: one unprivileged bwrap with every namespace, as that uid", () => {
    const { argv } = bwrapCommand({ ...spec, uid: 1000, gid: 1000 }, ["true"], { tools, asRoot: false });
    expect(argv.slice(0, 4)).toEqual([tools.prlimit, "--nproc=400:400", "--", tools.bwrap]);
    expect(argv).toEqual(expect.arrayContaining(["--unshare-all", "--uid", "1000"]));
    expect(argv).not.toContain(tools.setpriv);
  });
});
