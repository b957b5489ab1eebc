import type { Page } from "@playwright/test";
import { foreignSite } from "../fixtures/foreign-site";
import { baseURL } from "../playwright.config";
import { expect, signInUi, signUp, test } from "../fixtures";

/** Every CSP violation the page reports, from the console and from `securitypolicyviolation`. */
function collectViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => void (/content security policy/i.test(m.text()) && seen.push(m.text())));
  page.on("pageerror", (e) => void (/content security policy/i.test(e.message) && seen.push(e.message)));
  void page.exposeFunction("reportCspViolation", (text: string) => seen.push(text));
  void page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation;
    document.addEventListener("securitypolicyviolation", (e) => report(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return seen;
}

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  expect((await request.get("/login")).headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  const https = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=");
});

test("a signed-in page does not render inside another origin's frame", async ({ page, request }) => {
  await signInUi(page, await signUp(request, "frame"));
  const site = await foreignSite(`<iframe src="${baseURL}/" onload="document.title='framed'"></iframe>`);
  try {
    await page.goto(site.origin);
    await expect(page).toHaveTitle("framed");
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "What should we code next?" })).toHaveCount(0);
  } finally {
    await site.close();
  }
});

test("the signed-in UI works under the CSP without a single violation", async ({ page, request }) => {
  const violations = collectViolations(page);
  await signInUi(page, await signUp(request, "csp"));
  await page.goto("/environments");
  await expect(page.getByRole("heading", { name: "Environments" })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
  expect(violations).toEqual([]);
});
