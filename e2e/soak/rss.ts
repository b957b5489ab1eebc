import { rssBytes } from "../fixtures/processes";
import { SAMPLE_EVERY_MS } from "./settings";

interface Sample {
  at: number;
  rss: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Samples a process's RSS; compares the end of warm-up with the end of the load. */
export class RssSampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS).unref();
    this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Median RSS of the samples in [from, to] (ms since the epoch): one GC does not decide it. */
  medianBetween(from: number, to: number): number {
    return median(this.samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.rss));
  }

  get peak(): number {
    return Math.max(0, ...this.samples.map((s) => s.rss));
  }

  private sample(): void {
    const rss = rssBytes(this.pid);
    if (rss !== null) this.samples.push({ at: Date.now(), rss });
  }
}
