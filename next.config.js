/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its WASM and data files next to its JS; bundling breaks the relative paths.
  // hcl2json reads its WebAssembly from next to its JS (__dirname) too.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@cdktf/hcl2json"],
  typedRoutes: false,
  devIndicators: false,
  // AWS SDKs join the endpoint path and the operation's path "/", so ECS clients pointed at
  // http://host/sandbox/ecs post to /sandbox/ecs/. A 308 redirect to the slash-less URL would
  // break every call (clients do not follow redirects for POSTs), so keep such URLs as sent.
  skipTrailingSlashRedirect: true,
  experimental: {
    // forbidden() and app/forbidden.tsx: a page the person's role does not allow answers 403.
    authInterrupts: true,
    // A design may be up to 1 MiB of JSON (checked, with a clear message, by the save
    // operation); leave headroom so that check is what a user hits, not a transport error.
    serverActions: { bodySizeLimit: "2mb" },
  },
};
module.exports = nextConfig;
