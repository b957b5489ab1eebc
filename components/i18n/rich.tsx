import { Fragment, type ReactNode } from "react";

/**
 * A translated text whose `{name}` placeholders are filled with elements, so each language
 * decides where they go: `rich(t("approvals.countdown"), { time: <span>4:59</span> })`.
 */
export function rich(text: string, parts: Record<string, ReactNode>): ReactNode[] {
  return text.split(/\{(\w+)\}/).map((piece, i) => <Fragment key={i}>{i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece}</Fragment>);
}
