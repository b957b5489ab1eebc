/** A validation issue as zod and the API's VALIDATION_FAILED details give it. */
export interface Issue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function isIssueList(details: unknown): details is Issue[] {
  return Array.isArray(details) && details.every((d) => d && typeof d === "object" && Array.isArray(d.path) && typeof d.message === "string");
}

/**
 * Groups issues under the form field their path names: the longest prefix of the path (joined
 * with ".") found in `fields`, e.g. `model.baseUrl` → "baseUrl" or `autoApprove.commandPrefixes.2`
 * → "commandPrefixes". Issues no field owns are returned apart, to show above the form.
 */
export function issuesByField(issues: Issue[], fields: Record<string, string>): { fields: Record<string, string[]>; rest: string[] } {
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const parts = issue.path.map(String);
    const prefix = parts.map((_, i) => parts.slice(0, parts.length - i).join(".")).find((p) => p in fields);
    const field = prefix === undefined ? undefined : fields[prefix];
    if (field) (byField[field] ??= []).push(issue.message);
    else rest.push(issue.message);
  }
  return { fields: byField, rest };
}
