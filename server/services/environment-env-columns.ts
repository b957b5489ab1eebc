import type { TPatchEnvironmentRequest } from "@/lib/schemas/environments";
import { sealSecret } from "../auth/secret-box";
import type { Environment, Prisma } from "../generated/prisma/client";
import { AppError } from "../http/errors";
import { type StoredSecret, storedSecrets, storedVariables } from "./environment-env";

type Input = Pick<TPatchEnvironmentRequest, "internet" | "allowedDomains" | "variables" | "secrets">;
type Current = Pick<Environment, "variables" | "secrets"> | null;
type Issue = { path: (string | number)[]; message: string };

const invalid = (issues: Issue[]) => new AppError("VALIDATION_FAILED", "The request is not valid.", issues);

/**
 * A secrets list replaces the stored set: `{name, value}` sets it (sealed), `{name}` keeps the
 * stored value, a stored name left out is deleted. Keeping one that does not exist is a 400.
 */
function nextSecrets(input: NonNullable<Input["secrets"]>, current: Current): StoredSecret[] {
  const stored = new Map((current ? storedSecrets(current) : []).map((s) => [s.name, s.sealed]));
  const issues: Issue[] = [];
  const next = input.map(({ name, value }, index) => {
    const sealed = value === undefined ? stored.get(name) : sealSecret(value);
    if (sealed === undefined) issues.push({ path: ["secrets", index, "value"], message: `There is no stored secret ${name} to keep; give it a value.` });
    return { name, sealed: sealed ?? "" };
  });
  if (issues.length > 0) throw invalid(issues);
  return next;
}

/** A name sent in one list may not be taken by the other list, sent or stored. */
function assertUniqueAcross(input: Input, current: Current): void {
  const variableNames = (input.variables ?? (current ? storedVariables(current) : [])).map((v) => v.name);
  const secretNames = new Set((input.secrets ?? (current ? storedSecrets(current) : [])).map((s) => s.name));
  const field = input.variables ? "variables" : "secrets";
  const issues = variableNames.flatMap((name, i) => {
    if (!secretNames.has(name)) return [];
    const index = field === "variables" ? i : input.secrets!.findIndex((s) => s.name === name);
    return [{ path: [field, index, "name"], message: `${name} is used twice; names must be unique across variables and secrets.` }];
  });
  if (issues.length > 0) throw invalid(issues);
}

/** Column values for the network, variables and secrets fields present in a create or patch. */
export function envColumns(input: Input, current: Current): Prisma.EnvironmentUncheckedUpdateInput {
  if (input.variables || input.secrets) assertUniqueAcross(input, current);
  return {
    internet: input.internet,
    allowedDomains: input.allowedDomains && [...new Set(input.allowedDomains)],
    variables: input.variables?.map(({ name, value }) => ({ name, value })),
    secrets: input.secrets && nextSecrets(input.secrets, current),
  };
}
