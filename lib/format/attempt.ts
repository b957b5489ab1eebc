// Attempts are numbered from 0 in the API and from 1 for people (the URL's `?attempt=2` is the
// second attempt, index 1).

/** The attempt index a `?attempt=` value names, if it names one of `count` attempts. */
export function attemptFromParam(value: string | null, count: number): number | undefined {
  if (!value || !/^[1-9]\d{0,2}$/.test(value)) return undefined;
  const index = Number(value) - 1;
  return index < count ? index : undefined;
}

export const attemptParam = (index: number) => String(index + 1);
