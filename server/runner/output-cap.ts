import { StringDecoder } from "node:string_decoder";

/**
 * Keeps at most `maxBytes` of a stream's output: the first half is passed on as it arrives, the
 * last half is held back (a rolling window) and passed on by `end()` after a visible
 * "[… N bytes omitted …]" marker. Memory stays bounded whatever the stream prints.
 */
export class OutputCap {
  private readonly headMax: number;
  private readonly tailMax: number;
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private omitted = 0;
  private readonly decoder = new StringDecoder("utf8");

  constructor(
    maxBytes: number,
    private readonly emit: (text: string) => void,
  ) {
    this.headMax = Math.ceil(maxBytes / 2);
    this.tailMax = maxBytes - this.headMax;
  }

  write(chunk: Buffer | string): void {
    let bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (this.headBytes < this.headMax) {
      const head = bytes.subarray(0, this.headMax - this.headBytes);
      this.headBytes += head.length;
      this.pass(this.decoder.write(head));
      bytes = bytes.subarray(head.length);
    }
    if (bytes.length === 0) return;
    this.tail.push(bytes);
    this.tailBytes += bytes.length;
    while (this.tailBytes > this.tailMax) {
      const first = this.tail[0]!;
      const drop = Math.min(first.length, this.tailBytes - this.tailMax);
      this.omitted += drop;
      this.tailBytes -= drop;
      if (drop === first.length) this.tail.shift();
      else this.tail[0] = first.subarray(drop);
    }
  }

  /** Passes on what was held back (after the marker when some was omitted). */
  end(): void {
    const rest = Buffer.concat(this.tail);
    this.tail = [];
    if (this.omitted > 0) {
      this.pass(this.decoder.end());
      // The tail may start inside a multi-byte character: its partial bytes are dropped.
      const text = new StringDecoder("utf8").write(rest).replace(/^\uFFFD+/, "");
      this.pass(`\n[… ${this.omitted} bytes omitted …]\n${text}`);
    } else {
      this.pass(this.decoder.write(rest) + this.decoder.end());
    }
  }

  private pass(text: string): void {
    if (text) this.emit(text);
  }
}
