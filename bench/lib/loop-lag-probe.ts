// Preloaded into the benchmarked server (`node --import tsx --import bench/lib/loop-lag-probe.ts
// server/index.ts`), so the server's event-loop lag is measured from inside without any server
// code: on SIGUSR2 it writes the histogram since the previous signal to BENCH_LOOP_LAG_FILE and
// starts a new one (lag in ms beyond the 10 ms sampling interval). Nothing happens when the variable is unset.
import { renameSync, writeFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_LOOP_LAG_FILE;
if (file) {
  // The histogram holds the time between timer wake-ups; the lag is what exceeds the resolution.
  const resolutionMs = 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  let reads = 0;
  process.on("SIGUSR2", () => {
    reads += 1;
    const ms = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
    const stats = { reads, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), samples: histogram.count };
    writeFileSync(`${file}.tmp`, JSON.stringify(stats));
    renameSync(`${file}.tmp`, file);
    histogram.reset();
  });
}
