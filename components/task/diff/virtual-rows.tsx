"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { type ReactNode, useLayoutEffect, useRef, useState } from "react";

interface Props {
  count: number;
  /** Every row is exactly this tall (CSS keeps rows on one line). */
  rowHeight: number;
  render: (index: number) => ReactNode;
  /** Up to this many rows are simply all rendered. */
  threshold?: number;
}

/** The list's distance from the top of the document, kept as the content above it changes. */
function useDocumentTop(ref: React.RefObject<HTMLElement | null>): number {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop((ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return top;
}

/** The rows near the viewport (@tanstack/react-virtual over the window), at the list's full height. */
function WindowRows({ count, rowHeight, render }: Omit<Props, "threshold">) {
  const ref = useRef<HTMLDivElement>(null);
  const scrollMargin = useDocumentTop(ref);
  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => rowHeight, overscan: 40, scrollMargin });
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={ref} style={{ height: virtualizer.getTotalSize() }}>
      <div style={{ transform: `translateY(${(items[0]?.start ?? scrollMargin) - scrollMargin}px)` }}>{items.map((item) => render(item.index))}</div>
    </div>
  );
}

export function VirtualRows({ count, rowHeight, render, threshold = 400 }: Props) {
  if (count <= threshold) return <>{Array.from({ length: count }, (_, i) => render(i))}</>;
  return <WindowRows count={count} rowHeight={rowHeight} render={render} />;
}
