/** Keeps the last `size` complete lines of a text stream. */
export class LineTail {
  private readonly lines: string[] = [];
  private partial = "";

  constructor(private readonly size: number) {}

  push(chunk: string): void {
    const parts = (this.partial + chunk).split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) this.add(line);
  }

  add(line: string): void {
    const clean = line.replace(/\u001b\[[0-9;]*m/g, "").trimEnd();
    if (!clean) return;
    this.lines.push(clean);
    if (this.lines.length > this.size) this.lines.shift();
  }

  snapshot(): string[] {
    return this.partial ? [...this.lines, this.partial] : [...this.lines];
  }
}
