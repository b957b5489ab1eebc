/** A command as the user would type it: without the `/bin/bash -lc` wrapper codex adds, unquoted. */
export function displayCommand(command: string): string {
  const inner = command.match(/^\/bin\/(?:ba)?sh -lc (.*)$/s)?.[1];
  if (inner === undefined) return command;
  const quoted = inner.match(/^'([^']*)'$/) ?? inner.match(/^"((?:[^"\\]|\\.)*)"$/);
  return quoted ? quoted[1]!.replace(/\\(["\\$`])/g, "$1") : inner;
}
