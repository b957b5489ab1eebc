/** The client address the custom server stamped on the request (x-real-ip), else "unknown". */
export function clientIp(headers: Headers): string {
  return headers.get("x-real-ip") ?? "unknown";
}
