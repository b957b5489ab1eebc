// A small Markdown subset for agent messages, parsed to plain data (the UI renders it as React
// elements; no HTML is ever produced): fenced code, headings, lists, paragraphs; inline code,
// bold and http(s) links. An unclosed fence (a message still streaming) runs to the end.

export type Block =
  | { type: "code"; lang: string; text: string }
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  | { type: "list"; ordered: boolean; items: string[] }
  | { type: "paragraph"; text: string };

export type Inline = { type: "text" | "code" | "bold"; text: string } | { type: "link"; text: string; href: string };

const ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  let para: string[] = [];
  const endParagraph = () => {
    if (para.length) blocks.push({ type: "paragraph", text: para.join("\n") });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = line.match(/^\s*```(\S*)/);
    const heading = line.match(/^(#{1,3})\s+(.*)$/);
    const item = line.match(ITEM);
    if (fence) {
      endParagraph();
      const end = lines.findIndex((l, j) => j > i && /^\s*```\s*$/.test(l));
      const stop = end === -1 ? lines.length : end;
      blocks.push({ type: "code", lang: fence[1] ?? "", text: lines.slice(i + 1, stop).join("\n") });
      i = stop;
    } else if (heading) {
      endParagraph();
      blocks.push({ type: "heading", level: heading[1]!.length as 1 | 2 | 3, text: heading[2] ?? "" });
    } else if (item) {
      endParagraph();
      const ordered = item[2] !== undefined;
      const last = blocks.at(-1);
      if (last?.type === "list" && last.ordered === ordered) last.items.push(item[3] ?? "");
      else blocks.push({ type: "list", ordered, items: [item[3] ?? ""] });
    } else if (line.trim() === "") endParagraph();
    else {
      const last = blocks.at(-1);
      if (para.length === 0 && last?.type === "list" && /^\s+\S/.test(line)) last.items[last.items.length - 1] += ` ${line.trim()}`;
      else para.push(line);
    }
  }
  endParagraph();
  return blocks;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\((https?:\/\/[^\s)]+)\))/g;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at) parts.push({ type: "text", text: text.slice(at, m.index) });
    const [whole, code, bold, link, href] = m;
    if (code) parts.push({ type: "code", text: code.slice(1, -1) });
    else if (bold) parts.push({ type: "bold", text: bold.slice(2, -2) });
    else if (link && href) parts.push({ type: "link", text: link.slice(1, link.indexOf("](")), href });
    at = m.index + whole.length;
  }
  if (at < text.length) parts.push({ type: "text", text: text.slice(at) });
  return parts;
}
