/** The headers that say where a request comes from, and the host it was sent to. */
export interface OriginHeaders {
  origin?: string | null;
  fetchSite?: string | null;
  host?: string | null;
}

/**
 * Whether a request comes from a page of our own origin (the one its Host header names).
 * `Origin` decides when sent; else `Sec-Fetch-Site`. A request with neither comes from a
 * non-browser client (browsers send Origin on every cross-origin POST and WebSocket): allowed.
 */
export function isOwnOrigin(h: OriginHeaders): boolean {
  if (h.origin) {
    try {
      return new URL(h.origin).host === (h.host ?? "").toLowerCase();
    } catch {
      return false;
    }
  }
  if (h.fetchSite) return h.fetchSite === "same-origin" || h.fetchSite === "none";
  return true;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A state change carried by the session cookie from another origin (bearer requests never are). */
export function isCrossOriginCookieWrite(req: Request): boolean {
  const headers = req.headers;
  if (SAFE_METHODS.has(req.method) || !headers.get("cookie")) return false;
  if (/^bearer\s/i.test(headers.get("authorization") ?? "")) return false;
  return !isOwnOrigin({ origin: headers.get("origin"), fetchSite: headers.get("sec-fetch-site"), host: headers.get("host") });
}
