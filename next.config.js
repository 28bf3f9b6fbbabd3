/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its WASM and data files next to its JS; bundling breaks the relative paths.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  typedRoutes: false,
  devIndicators: false,
};
module.exports = nextConfig;
