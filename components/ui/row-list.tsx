"use client";

import { Empty, Skeleton, theme } from "antd";
import type { Key, ReactNode } from "react";

interface Props<T> {
  label: string;
  items: T[];
  rowKey: (item: T) => Key;
  renderRow: (item: T) => ReactNode;
  loading?: boolean;
  empty: ReactNode;
}

/** A plain list of rows (ul/li) with a divider, loading skeleton and empty state. */
export function RowList<T>({ label, items, rowKey, renderRow, loading, empty }: Props<T>) {
  const { token } = theme.useToken();
  if (loading && items.length === 0) return <Skeleton active />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul aria-label={label} style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={rowKey(item)} style={{ padding: "12px 4px", borderBottom: `1px solid ${token.colorSplit}` }}>
          {renderRow(item)}
        </li>
      ))}
    </ul>
  );
}
