import { defineConfig } from "prisma/config";

// The URL is only read by CLI commands that talk to a database. `env()` from prisma/config
// throws when the variable is unset, which would break `prisma generate` on a fresh machine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
