// Each task runs as a host uid of its own, derived from its id: stable across restarts (its files
// keep their owner) and far from the uids of real users (below 65 536) and of rootless
// containers' usual subordinate ranges. Node's spawn takes uids up to 2^31 - 1.

const BASE = 1_500_000_000;
const SPAN = 1 << 26;

/** FNV-1a: a stable 32-bit hash of the task id. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function taskUid(taskId: string): number {
  return BASE + (fnv1a(taskId) % SPAN);
}
