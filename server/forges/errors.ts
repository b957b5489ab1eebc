import type { ErrorCode } from "@/lib/errors";
import { AppError } from "../http/errors";
import type { ForgeKind, PullRequest } from "./types";

export const FORGE_NAMES: Record<ForgeKind, string> = { github: "GitHub", gitlab: "GitLab", gitea: "Gitea" };

/** How each forge names a pull request and writes its number. */
export const FORGE_TERMS: Record<ForgeKind, { noun: string; ref: (n: number) => string }> = {
  github: { noun: "pull request", ref: (n) => `#${n}` },
  gitlab: { noun: "merge request", ref: (n) => `!${n}` },
  gitea: { noun: "pull request", ref: (n) => `#${n}` },
};

/** Why a forge call failed, whichever forge it was. */
export type ForgeFailure = "unauthorized" | "rejected" | "not_found" | "duplicate" | "rate_limited" | "unreachable" | "unexpected";

const CODES: Record<ForgeFailure, ErrorCode> = {
  // The environment's settings or the request are at fault, not the user's session: 400, never 401.
  unauthorized: "VALIDATION_FAILED",
  rejected: "VALIDATION_FAILED",
  not_found: "NOT_FOUND",
  duplicate: "CONFLICT",
  rate_limited: "RATE_LIMITED",
  unreachable: "UNAVAILABLE",
  unexpected: "UNAVAILABLE",
};

export interface ForgeErrorOptions {
  forge: ForgeKind;
  failure: ForgeFailure;
  message: string;
  /** The forge's HTTP status, when it answered. */
  status?: number;
  /** For "duplicate": the pull request already open for the same branches, when it could be found. */
  existing?: PullRequest;
}

/** An AppError from a forge call; its message names the forge and carries the forge's reason, never the token. */
export class ForgeError extends AppError {
  readonly forge: ForgeKind;
  readonly failure: ForgeFailure;
  readonly forgeStatus?: number;
  readonly existing?: PullRequest;

  constructor(opts: ForgeErrorOptions) {
    const { forge, failure, status, existing } = opts;
    super(CODES[failure], opts.message, { forge, failure, status, existing });
    this.name = "ForgeError";
    this.forge = forge;
    this.failure = failure;
    this.forgeStatus = status;
    this.existing = existing;
  }
}
