// The run's server is shared by every test and worker and starts on an empty database, where
// /login and /signup create the administrator account: whichever test came first would meet that
// page. One account made here puts the server past its first run; the first-run tests start
// servers of their own on empty databases (e2e/fixtures/own-server.ts).
import { randomBytes } from "node:crypto";
import { request } from "@playwright/test";
import { baseURL } from "./playwright.config";

export default async function globalSetup(): Promise<void> {
  const api = await request.newContext({ baseURL });
  const res = await api.post("/api/users", { data: { email: "run-first-account@example.test", password: randomBytes(18).toString("base64url") } });
  if (res.status() !== 201) throw new Error(`Could not create the run's first account: ${res.status()} ${await res.text()}`);
  await api.dispose();
}
