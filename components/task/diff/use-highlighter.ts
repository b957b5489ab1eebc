"use client";

import { useEffect, useState } from "react";

type Highlight = (text: string, language: string) => string;

let loaded: Highlight | null = null;
let loading: Promise<Highlight> | null = null;

/** highlight.js, loaded the first time a diff is shown; null until then (rows render plain). */
export function useHighlighter(): Highlight | null {
  const [highlight, setHighlight] = useState<Highlight | null>(() => loaded);
  useEffect(() => {
    if (loaded) return;
    loading ??= import("@/lib/diff/highlight").then((m) => (loaded = m.highlightLine));
    let live = true;
    void loading.then((fn) => live && setHighlight(() => fn));
    return () => {
      live = false;
    };
  }, []);
  return highlight;
}
