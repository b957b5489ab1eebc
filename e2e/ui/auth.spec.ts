import { expect, signUp, test, uniqueEmail } from "../fixtures";
import { baseURL } from "../playwright.config";

test("sign up on the login page, land on the shell, sign out, sign back in", async ({ page }, testInfo) => {
  const email = uniqueEmail("ui");
  const password = "a-good-password";

  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("shell.png"), fullPage: true });

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByText("Sign out").click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
});

test("the login page: email step, password step with Edit, wrong password shows an inline error", async ({ page, request }, testInfo) => {
  const user = await signUp(request, "wrongpw");
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("login.png"), fullPage: true });

  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();

  await page.getByLabel("Email address").fill("someone-else@example.test");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(user.email);

  await page.getByLabel("Password").fill("definitely-wrong");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("signing up with a taken email creates nothing and signs no one in (the API answers it like a success)", async ({ page, request }) => {
  const user = await signUp(request, "taken");
  await page.goto("/signup");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("a protected page redirects to /login and returns there after sign-in", async ({ page, request }) => {
  const user = await signUp(request, "redirect");
  await page.goto("/some/protected/page?x=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsome%2Fprotected%2Fpage%3Fx%3D1/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2F$/);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
});

for (const callbackUrl of ["/%5Cevil.example/x", "/%09/evil.example/x", "//evil.example/x", "https://evil.example/x"]) {
  test(`signing in with callbackUrl=${callbackUrl} lands on our own origin`, async ({ page, request }) => {
    const user = await signUp(request, "callback");
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email address").fill(user.email);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible({ timeout: 30_000 });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
  });
}

test("a failed sign-in offers sign-up with the email carried over, for a known email as for an unknown one", async ({ page, request }, testInfo) => {
  const known = await signUp(request, "offer-known");
  const unknown = uniqueEmail("offer-unknown");
  const offer = page.getByRole("link", { name: "New here? Create an account" });
  // Sign-in must not tell which emails have accounts: both get the same answer and the same offer.
  for (const email of [known.email, unknown]) {
    await page.goto("/login");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(offer).toHaveCount(0);
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(offer).toHaveAttribute("href", `/signup?${new URLSearchParams({ email, callbackUrl: "/" })}`);
  }
  await page.screenshot({ path: testInfo.outputPath("sign-in-failed.png"), fullPage: true });
  await page.getByLabel("Password").fill("another-try");
  await expect(offer).toHaveCount(0);
  await page.getByRole("button", { name: "Continue" }).click();
  await offer.click();

  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(unknown);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "What should we code next?" })).toBeVisible();
});

test("sign-up shows the password rule under the field before it is broken; sign-in does not", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email address").fill(uniqueEmail("rule"));
  await page.getByRole("button", { name: "Continue" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAccessibleDescription("At least 8 characters.");
  await expect(page.getByText("At least 8 characters.")).toBeVisible();
  await password.fill("short");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);

  await page.goto("/login");
  await page.getByLabel("Email address").fill(uniqueEmail("rule"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
  await expect(page.getByText("At least 8 characters.")).toHaveCount(0);
});
