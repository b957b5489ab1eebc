import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or Node-only packages stay outside the server bundles.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "@openai/codex"],
  // Tests and scripts are type-checked by `npm run typecheck`; the build checks the app only.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
