"use client";

import { useEffect, useEffectEvent } from "react";

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

/**
 * Y or Enter approves, N or Esc declines, while the dialog is open. Letters and Enter are left
 * alone while the user types in a field, and Enter on a focused button presses that button.
 */
export function useApprovalKeys(onApprove: () => void, onDecline: () => void): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = (e.target as HTMLElement | null)?.tagName ?? "";
    if (e.key === "Escape") return onDecline();
    if (TYPING.has(target) || (e.key === "Enter" && target === "BUTTON")) return;
    const key = e.key.toLowerCase();
    if (key === "y" || e.key === "Enter") onApprove();
    else if (key === "n") onDecline();
    else return;
    e.preventDefault();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
