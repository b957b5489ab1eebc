// `npm run db:migrate:deploy`: applies pending prisma/migrations to DATABASE_URL (like
// `prisma migrate deploy`, offline). The app server does this itself at start, embedded
// PostgreSQL included; this script is for a database managed elsewhere.
import { migrateDeploy } from "../server/db/migrate";
import { env } from "../server/env";

async function main(): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (the server migrates its embedded database by itself at start).");
  const applied = await migrateDeploy({ url });
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "Nothing to apply: the database is up to date.");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
