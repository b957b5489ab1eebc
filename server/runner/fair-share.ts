/**
 * The per-user cap on running tasks: the index of the first queued task whose owner has fewer
 * than `cap` tasks among `active` (starting or busy); -1 when none of them may start now.
 */
export function nextFairIndex(queue: readonly string[], owners: ReadonlyMap<string, string>, active: readonly string[], cap: number): number {
  const perOwner = new Map<string | undefined, number>();
  for (const taskId of active) {
    const owner = owners.get(taskId);
    perOwner.set(owner, (perOwner.get(owner) ?? 0) + 1);
  }
  return queue.findIndex((taskId) => (perOwner.get(owners.get(taskId)) ?? 0) < cap);
}
