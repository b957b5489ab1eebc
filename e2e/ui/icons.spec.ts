import { expect, signInUi, signUp, test } from "../fixtures";

// The browser tab's icon and the home-screen icon: served to everyone (the login page is signed
// out), declared on every page, and no page asks for a file that is not there.
test("every page declares the favicon, the SVG icon and the apple-touch icon, and nothing answers 404", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (res) => {
    if (res.status() === 404) missing.push(res.url());
  });

  for (const [path, type] of [["/favicon.ico", "image/x-icon"], ["/icon.svg", "image/svg+xml"], ["/apple-icon.png", "image/png"]]) {
    const res = await request.get(path!, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toBe(type);
  }

  const declared = async () =>
    page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname).sort());
  await page.goto("/login");
  expect(await declared()).toEqual(["/apple-icon.png", "/favicon.ico", "/icon.svg"]);

  await signInUi(page, await signUp(request, "icons"));
  for (const path of ["/environments", "/settings", "/audit"]) {
    await page.goto(path);
    expect(await declared()).toEqual(["/apple-icon.png", "/favicon.ico", "/icon.svg"]);
  }
  expect(missing).toEqual([]);
});
