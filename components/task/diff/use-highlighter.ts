"use client";

import { useEffect, useState } from "react";

type Highlighter = typeof import("@/lib/diff/highlight");

let loaded: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

/** highlight.js, loaded the first time a diff or a code block is shown; null until then (code renders plain). */
export function useHighlighter(): Highlighter | null {
  const [highlighter, setHighlighter] = useState<Highlighter | null>(() => loaded);
  useEffect(() => {
    if (loaded) return;
    loading ??= import("@/lib/diff/highlight").then((m) => (loaded = m));
    let live = true;
    void loading.then((m) => live && setHighlighter(m));
    return () => {
      live = false;
    };
  }, []);
  return highlighter;
}
