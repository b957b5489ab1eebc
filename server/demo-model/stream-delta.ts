// Each delta of the `stream N` scenario carries its index and the wall-clock time (ms, with
// sub-ms precision) at which the demo model wrote it, so benchmarks can measure latency.

export const nowMs = () => performance.timeOrigin + performance.now();

export function formatStreamDelta(index: number, sentAtMs = nowMs()): string {
  return `[#${index} t=${sentAtMs.toFixed(3)}] `;
}

const DELTA = /\[#(\d+) t=(\d+(?:\.\d+)?)\]/g;

/** Every delta marker in `text` (one delta, or a whole streamed message). */
export function parseStreamDeltas(text: string): { index: number; sentAtMs: number }[] {
  return [...text.matchAll(DELTA)].map((m) => ({ index: Number(m[1]), sentAtMs: Number(m[2]) }));
}
