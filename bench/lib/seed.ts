import pg from "pg";

// Rows inserted straight into the run's scratch database (prisma/schema.prisma's tables), for
// figures that need more history than the benchmark could create through the API in time.

export async function withDb<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function ownerOf(client: pg.Client, environmentId: string): Promise<string> {
  const { rows } = await client.query<{ ownerId: string }>(`SELECT "ownerId" FROM "Environment" WHERE id = $1`, [environmentId]);
  return rows[0]!.ownerId;
}

/** `count` finished tasks of the user `email` (environments are shared), one second apart, each with one attempt. */
export async function seedTasks(client: pg.Client, opts: { environmentId: string; email: string; count: number }): Promise<void> {
  const { environmentId, count } = opts;
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [opts.email]);
  const ownerId = rows[0]!.id;
  await client.query(
    `INSERT INTO "Task" (id, "ownerId", "environmentId", title, prompt, branch, status, "filesChanged", "linesAdded", "linesRemoved", "createdAt", "updatedAt")
     SELECT 'bench' || $3 || '_' || i, $1, $2, 'Seeded task ' || i, 'Seeded prompt number ' || i || ' with a little more text', 'main', 'ready', 1, i % 50, i % 7,
            now() - make_interval(secs => i), now() - make_interval(secs => i)
     FROM generate_series(1, $4::int) AS i`,
    [ownerId, environmentId, Date.now().toString(36), count],
  );
  await client.query(
    `INSERT INTO "Attempt" (id, "taskId", index, status, "updatedAt")
     SELECT 'a_' || t.id, t.id, 0, 'completed', now() FROM "Task" t WHERE t."environmentId" = $1 AND t.id LIKE 'bench%'
     ON CONFLICT DO NOTHING`,
    [environmentId],
  );
}

/** A finished task holding `events` events (one turn of command executions) and `diffLines` lines of diff. */
export async function seedBigTask(client: pg.Client, opts: { environmentId: string; events: number; diffLines: number; marker: string }): Promise<string> {
  const ownerId = await ownerOf(client, opts.environmentId);
  const taskId = `benchpage_${Date.now().toString(36)}_${opts.events}`;
  const files = Math.max(1, Math.ceil(opts.diffLines / 100));
  const diff = Array.from({ length: files }, (_, f) => {
    const lines = Array.from({ length: 100 - 5 }, (_, l) => `+export const value${l} = ${f * 1000 + l}; // generated line`);
    return [`diff --git a/src/file-${f}.ts b/src/file-${f}.ts`, "new file mode 100644", "--- /dev/null", `+++ b/src/file-${f}.ts`, `@@ -0,0 +1,${lines.length} @@`, ...lines].join("\n");
  }).join("\n") + "\n";
  const added = files * 95;
  await client.query(
    `INSERT INTO "Task" (id, "ownerId", "environmentId", title, prompt, branch, status, "filesChanged", "linesAdded", "lastSeq", "updatedAt")
     VALUES ($1, $2, $3, 'A long task', 'Do a lot', 'main', 'ready', $4, $5, $6, now())`,
    [taskId, ownerId, opts.environmentId, opts.diffLines > 0 ? files : 0, opts.diffLines > 0 ? added : 0, opts.events],
  );
  await client.query(
    `INSERT INTO "Attempt" (id, "taskId", index, "threadId", status, diff, "filesChanged", "linesAdded", "updatedAt") VALUES ($1, $2, 0, $3, 'completed', $4, $5, $6, now())`,
    [`a_${taskId}`, taskId, `thr_${taskId}`, opts.diffLines > 0 ? diff : null, opts.diffLines > 0 ? files : 0, opts.diffLines > 0 ? added : 0],
  );
  await client.query(`INSERT INTO "Turn" (id, "taskId", "attemptId", "codexTurnId", status, prompt, "completedAt") VALUES ($1, $2, $3, 'turn_1', 'completed', 'Do a lot', now())`, [
    `t_${taskId}`,
    taskId,
    `a_${taskId}`,
  ]);
  const rows = bigTaskEvents(opts.events, opts.marker);
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await client.query(
      `INSERT INTO "TaskEvent" ("taskId", seq, attempt, type, data) SELECT $1, s, 0, t, d::jsonb FROM unnest($2::int[], $3::text[], $4::text[]) AS x(s, t, d)`,
      [taskId, chunk.map((_, j) => i + j + 1), chunk.map((r) => r.type), chunk.map((r) => JSON.stringify(r.data))],
    );
  }
  return taskId;
}

/** turn/started, then command executions (started, output deltas, completed), a closing message, turn/completed. */
function bigTaskEvents(count: number, marker: string): { type: string; data: unknown }[] {
  const turnId = "turn_1";
  const out: { type: string; data: unknown }[] = [{ type: "turn/started", data: { threadId: "thr", turn: { id: turnId, status: "inProgress" } } }];
  const closing = 3;
  for (let c = 0; out.length < count - closing; c += 1) {
    const id = `call_${c}`;
    const command = `/bin/bash -lc 'npm test -- --shard ${c}'`;
    out.push({ type: "item/started", data: { turnId, item: { type: "commandExecution", id, command, cwd: "/repo", status: "inProgress", commandActions: [], aggregatedOutput: null, exitCode: null } } });
    for (let d = 0; d < 18 && out.length < count - closing - 1; d += 1) {
      out.push({ type: "item/commandExecution/outputDelta", data: { turnId, itemId: id, delta: `ok ${d} - test case number ${d} of shard ${c}\n` } });
    }
    out.push({ type: "item/completed", data: { turnId, item: { type: "commandExecution", id, command, cwd: "/repo", status: "completed", commandActions: [], aggregatedOutput: `shard ${c} passed\n`, exitCode: 0 } } });
  }
  out.push({ type: "item/agentMessage/delta", data: { turnId, itemId: "msg_last", delta: marker } });
  out.push({ type: "item/completed", data: { turnId, item: { type: "agentMessage", id: "msg_last", text: marker } } });
  out.push({ type: "turn/completed", data: { threadId: "thr", turn: { id: turnId, status: "completed", error: null } } });
  return out.slice(0, count);
}
