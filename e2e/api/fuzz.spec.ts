import fc from "fast-check";
import { expect, test } from "../fixtures";
import { appRoutes } from "../fixtures/api-tree";
import { digest } from "../fixtures/db-digest";
import { caseArbitrary } from "../fixtures/fuzz/cases";
import { SEED, useFuzzServer } from "../fixtures/fuzz/fuzz-server";
import { describeOutcome, type Outcome, sendAll, violation } from "../fixtures/fuzz/send";
import { expectServerUnharmed } from "../fixtures/fuzz/unharmed";

const HTTP_CASES = 11_000;

const fx = useFuzzServer();

function expectNoViolations(outcomes: Outcome[]): void {
  const bad = outcomes.map((o) => [o, violation(o)] as const).filter(([, why]) => why !== null);
  const report = bad.slice(0, 15).map(([o, why]) => describeOutcome(o, why!));
  expect(report, `seed ${SEED}: ${bad.length} of ${outcomes.length} requests broke the contract`).toEqual([]);
}

test(`${HTTP_CASES} fuzzed HTTP requests over every route: no 5xx, the contract's statuses, nothing written by a rejected request`, async () => {
  test.setTimeout(1_500_000);
  const routes = appRoutes();
  const arbitrary = fc.oneof(...routes.map((route) => caseArbitrary(fx.server.baseURL, route, fx.world.targets)));
  const cases = fc.sample(arbitrary, { seed: SEED, numRuns: HTTP_CASES });
  for (const route of routes) {
    const pattern = new RegExp(`^${route.path.replace(/\{\.\.\.\w+\}/, ".+").replace(/\{\w+\}/g, "[^/]+")}$`);
    expect(cases.some((c) => c.method === route.method && pattern.test(new URL(c.url).pathname)), `${route.method} ${route.path} fuzzed`).toBe(true);
  }
  const rejected = cases.filter((c) => c.kind === "rejected");
  const accepted = cases.filter((c) => c.kind === "accepted");
  const logStart = fx.server.lines.length;

  const before = await digest(fx.server.databaseUrl);
  const rejectedOutcomes = await sendAll(rejected, fx.world.token);
  expect(await digest(fx.server.databaseUrl), `seed ${SEED}: rows changed by ${rejected.length} rejected requests`).toEqual(before);
  expectNoViolations(rejectedOutcomes);
  expectNoViolations(await sendAll(accepted, fx.world.token));
  await expectServerUnharmed(fx.server, logStart, SEED);
  console.log(`fuzz seed ${SEED}: ${rejected.length} rejected + ${accepted.length} schema-valid HTTP requests`);
});
