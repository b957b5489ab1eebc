"use client";

/** A unified diff with added/removed lines coloured. */
export function DiffText({ patch }: { patch: string }) {
  return (
    <pre style={{ margin: 0, fontSize: 12, overflowX: "auto", lineHeight: 1.45 }}>
      {patch.replace(/\n$/, "").split("\n").map((line, i) => {
        const color = line.startsWith("+") && !line.startsWith("+++") ? "rgba(46,160,67,.18)" : line.startsWith("-") && !line.startsWith("---") ? "rgba(248,81,73,.18)" : line.startsWith("@@") ? "rgba(56,139,253,.12)" : undefined;
        return (
          <div key={i} style={{ background: color, paddingInline: 8 }}>
            {line || " "}
          </div>
        );
      })}
    </pre>
  );
}
