import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native or Node-only packages stay outside the server bundles.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "@openai/codex"],
  typedRoutes: false,
};

export default nextConfig;
