const BASE = "http://callback.invalid";

/**
 * The path to go to after sign-in: a path of our own origin, or "/". Resolved the way a
 * browser would (`/\evil`, `/\t/evil`, `//evil` and absolute URLs name another host).
 */
export function safeCallback(url: string | undefined): string {
  if (!url || !url.startsWith("/")) return "/";
  try {
    const resolved = new URL(url, BASE);
    return resolved.origin === BASE ? `${resolved.pathname}${resolved.search}${resolved.hash}` : "/";
  } catch {
    return "/";
  }
}
