import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

/**
 * The content security policy of a page. Scripts need the request's nonce (Next puts it on
 * its own inline and chunk scripts). Styles need 'unsafe-inline': antd renders `style`
 * attributes and CSS-in-JS <style> tags, and a nonce cannot cover attributes.
 * connect-src 'self' covers ws:/wss: of our own host (Socket.IO).
 */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers and other files are never a page: nothing runs, nothing frames them. */
const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers on every response; pages get their nonce policy from proxy.ts, which replaces the CSP. */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  if ((req.url ?? "").startsWith("/api/")) res.setHeader("Content-Security-Policy", NON_PAGE_CSP);
  // Browsers honour HSTS only over https; behind a TLS proxy the proxy says so.
  const https = (req.socket as TLSSocket).encrypted || req.headers["x-forwarded-proto"] === "https";
  if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}
