import { countRows, expect, signUp, test, uniqueEmail } from "../fixtures";

function expectErrorShape(body: unknown, code: string) {
  expect(body).toMatchObject({ error: { code, message: expect.any(String) } });
}

test("POST /api/users creates an account and answers 201 {id, email}", async ({ request }) => {
  const email = uniqueEmail("create");
  const res = await request.post("/api/users", { data: { email, password: "correct horse", name: "Ada" } });
  expect(res.status()).toBe(201);
  expect(await res.json()).toEqual({ id: expect.any(String), email });
  expect(await countRows("User", "email = $1", [email])).toBe(1);
});

test("a taken email signs up like a new one: same status and shape, nothing created, no session, the owner's audit log has it", async ({ request }) => {
  const owner = await signUp(request, "taken");
  const taker = { email: owner.email, password: "the-takers-password" };
  const res = await request.post("/api/users", { data: taker });
  expect(res.status()).toBe(201);
  expect(await res.json()).toEqual({ id: expect.stringMatching(/^c[a-z0-9]{24}$/), email: owner.email });
  expect(await countRows("User", "email = $1", [owner.email])).toBe(1);
  expect((await request.post("/api/tokens", { data: { name: "x", ...taker } })).status()).toBe(401);
  expect(await countRows("AuditLog", `action = 'user.signup_taken' AND "ownerId" = (SELECT id FROM "User" WHERE email = $1)`, [owner.email])).toBe(1);
});

const badBodies: Array<[string, unknown]> = [
  ["short password", { email: "short@example.test", password: "1234567" }],
  ["invalid email", { email: "not-an-email", password: "long-enough-password" }],
  ["missing password", { email: "nopass@example.test" }],
  ["wrong types", { email: 42, password: ["x"] }],
  ["unknown field", { email: "extra@example.test", password: "long-enough-password", role: "admin" }],
  ["array body", [{ email: "arr@example.test", password: "long-enough-password" }]],
];

const badEmails = badBodies.flatMap(([, data]) => JSON.stringify(data).match(/[\w.-]+@example\.test/g) ?? []);

for (const [name, data] of badBodies) {
  test(`bad body (${name}) → 400 VALIDATION_FAILED, nothing created`, async ({ request }) => {
    const res = await request.post("/api/users", { data });
    expect(res.status()).toBe(400);
    const body = await res.json();
    expectErrorShape(body, "VALIDATION_FAILED");
    expect(Array.isArray(body.error.details)).toBe(true);
    expect(await countRows("User", "email = ANY($1)", [badEmails])).toBe(0);
  });
}

test("malformed JSON → 400 with the error shape", async ({ request }) => {
  const res = await request.post("/api/users", { headers: { "content-type": "application/json" }, data: "{not json" });
  expect(res.status()).toBe(400);
  expectErrorShape(await res.json(), "VALIDATION_FAILED");
});

test("an oversized body → 413 with the error shape", async ({ request }) => {
  const res = await request.post("/api/users", {
    data: { email: uniqueEmail("big"), password: "x".repeat(2 * 1024 * 1024) },
  });
  expect(res.status()).toBe(413);
  expectErrorShape(await res.json(), "PAYLOAD_TOO_LARGE");
});

test("GET /api/health answers ok with db up, the codex version and the sandbox driver", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, db: "up", codex: expect.stringMatching(/\d+\.\d+\.\d+/), sandbox: "bubblewrap" });
});

test("GET /api/openapi.json serves the OpenAPI 3.1 document", async ({ request }) => {
  const res = await request.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/tasks", "/api/tasks/{id}/apply", "/api/approvals/{id}"]));
});
