"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

interface Props {
  count: number;
  /** Every row is exactly this tall (CSS keeps rows on one line). */
  rowHeight: number;
  render: (index: number) => ReactNode;
  /** Up to this many rows are simply all rendered. */
  threshold?: number;
}

const OVERSCAN = 40;

/** Renders only the rows near the viewport of a long list, keeping its full height. */
export function VirtualRows({ count, rowHeight, render, threshold = 400 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 2 * OVERSCAN) });
  const virtual = count > threshold;

  useEffect(() => {
    if (!virtual) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      const start = Math.min(count, Math.max(0, Math.floor(-top / rowHeight) - OVERSCAN));
      const end = Math.min(count, Math.max(start, Math.ceil((window.innerHeight - top) / rowHeight) + OVERSCAN));
      setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", schedule, { passive: true, capture: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", schedule);
    };
  }, [virtual, count, rowHeight]);

  if (!virtual) return <>{Array.from({ length: count }, (_, i) => render(i))}</>;
  const rows = [];
  for (let i = range.start; i < range.end; i += 1) rows.push(render(i));
  return (
    <div ref={ref} style={{ height: count * rowHeight }}>
      <div style={{ transform: `translateY(${range.start * rowHeight}px)` }}>{rows}</div>
    </div>
  );
}
