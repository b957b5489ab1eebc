import type { ContentItem } from "../generated/codex-protocol/ContentItem";
import type { FunctionCallOutputBody } from "../generated/codex-protocol/FunctionCallOutputBody";
import type { ResponseItem } from "../generated/codex-protocol/ResponseItem";

// The demo model is stateless: everything it needs is re-read from the `input` codex sends with
// every request, so it works across app-server restarts and `thread/resume`.

/** What a scenario step can look at. */
export interface Conversation {
  /** The user's prompts in order (codex's own context messages left out). */
  prompts: string[];
  /** Texts of the tool outputs since the latest prompt, in call order. */
  outputs: string[];
  /** How many tool calls the model has made since the latest prompt: the step to play next. */
  step: number;
  /** User messages added to the turn in progress since the latest prompt (`turn/steer`). */
  steers: string[];
}

// Codex adds user-role messages of its own (<environment_context>, AGENTS.md instructions,
// <turn_aborted>, ...); real prompts never start like these.
const CONTEXT_PREFIXES = ["<", "# AGENTS.md instructions"];

function messageText(content: ContentItem[]): string {
  return content.map((c) => (c.type === "input_text" || c.type === "output_text" ? c.text : "")).join("");
}

function outputText(output: FunctionCallOutputBody): string {
  if (typeof output === "string") return output;
  return output.map((c) => (c.type === "input_text" ? c.text : "")).join("");
}

/** The text of a user's prompt; null for anything else (codex's own context messages included). */
function promptText(item: ResponseItem): string | null {
  if (item.type !== "message" || item.role !== "user") return null;
  const text = messageText(item.content);
  return CONTEXT_PREFIXES.some((prefix) => text.trimStart().startsWith(prefix)) ? null : text;
}

/**
 * A user message added to the turn in progress (`turn/steer`: right after a tool output, or
 * right after the prompt before the model answered; e.g. why a request was declined) does not
 * start a new scenario: it is one of the turn's `steers`.
 */
const DIRECTIVE_LINE = /^\s*\/scenario\s/;

export function readConversation(input: ResponseItem[]): Conversation {
  const prompts: string[] = [];
  let outputs: string[] = [];
  let steers: string[] = [];
  let step = 0;
  let midTurn = false;
  let afterPrompt = false;
  for (const item of input) {
    const prompt = promptText(item);
    // Right after a prompt, a message is one the user added before the model answered, unless it
    // names a scenario: then the turn before failed without a word and this is the next prompt.
    if (prompt !== null && !midTurn && (!afterPrompt || DIRECTIVE_LINE.test(prompt))) {
      prompts.push(prompt);
      outputs = [];
      steers = [];
      step = 0;
    } else if (prompt !== null) steers.push(prompt);
    else if (item.type === "function_call") {
      step += 1;
      midTurn = true;
    } else if (item.type === "function_call_output") outputs.push(outputText(item.output));
    else if (item.type === "message" && (item.role === "assistant" || messageText(item.content).startsWith("<turn_aborted"))) midTurn = false;
    afterPrompt = prompt !== null;
  }
  return { prompts, outputs, step, steers };
}

/** Codex reports a finished command as "Process exited with code N"; null when it never ran. */
export function exitCodeOf(output: string | undefined): number | null {
  const match = /Process exited with code (-?\d+)/.exec(output ?? "");
  return match ? Number(match[1]) : null;
}
