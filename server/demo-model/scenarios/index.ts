import type { Conversation } from "../conversation";
import type { Scenario, ScenarioContext } from "../scenario";
import { command } from "./command";
import { demo } from "./demo";
import { edit } from "./edit";
import { escapeWorkspace } from "./escape";
import { fail } from "./fail";
import { followUp } from "./follow-up";
import { hang } from "./hang";
import { run } from "./run";
import { slow } from "./slow";
import { stream } from "./stream";
import { ticks } from "./ticks";

/** Every scenario by name. To add one, write a file beside this one and list it here. */
export const SCENARIOS: Record<string, Scenario> = Object.fromEntries(
  [demo, edit, command, stream, slow, fail, hang, ticks, escapeWorkspace, run, followUp].map((s) => [s.name, s]),
);

const DIRECTIVE = /^\/scenario\s+(\S+)(.*)$/;

interface Directive {
  name: string;
  args: string[];
  task: string;
}

/** `/scenario NAME ARGS` on the first line; the rest of the prompt is the task. */
export function parseDirective(prompt: string): Directive | null {
  const [first = "", ...rest] = prompt.split("\n");
  const match = DIRECTIVE.exec(first.trim());
  if (!match) return null;
  return { name: match[1] ?? "", args: (match[2] ?? "").trim().split(/\s+/).filter(Boolean), task: rest.join("\n").trim() };
}

/**
 * The latest prompt picks the scenario when it has a directive; otherwise the first prompt of a
 * thread plays `demo` and a follow-up plays `follow-up`. Unknown names fall back to `demo`.
 */
export function pickScenario(conversation: Conversation): { scenario: Scenario; ctx: ScenarioContext } {
  const prompt = conversation.prompts.at(-1) ?? "";
  const directive = parseDirective(prompt);
  const fallback = conversation.prompts.length > 1 ? followUp : demo;
  const scenario = (directive && SCENARIOS[directive.name]) || fallback;
  const ctx = { ...conversation, args: directive?.args ?? [], task: directive ? directive.task : prompt.trim() };
  return { scenario, ctx };
}
