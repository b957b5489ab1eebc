// Loaded only by `prisma dev` (a local Prisma Postgres), which Codex Cloud does not use: it
// runs its own embedded PostgreSQL. The real package needs Node.js 22.
throw new Error("`prisma dev` is not available here: @prisma/streams-local is stubbed out (see package.json overrides).");
