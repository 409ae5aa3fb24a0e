// @ts-check
// JavaScript, not TypeScript: a .ts config makes every server process load Next's SWC
// compiler (~24 MB of memory) just to read it at start-up.
/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package directory at run time.
  // pg-boss requires `pg` (and its optional native binding) at load; nodemailer reads its own files at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "prom-client", "pg-boss", "nodemailer"],
  poweredByHeader: false,
  // Metadata (title, canonical, Open Graph) goes into the <head> for every visitor, never streamed into the
  // body: the page cache serves one render to browsers and link-preview crawlers alike, and crawlers that run
  // no JavaScript read the <head> only. (Next streams it to any user agent this does not match.)
  htmlLimitedBots: /.*/,
  reactStrictMode: true,
  // Browsers ask for /favicon.ico on their own, sometimes before reading the page's icon link.
  // A rewrite, not a redirect: Chrome upgrades a redirected favicon to https under our CSP.
  async rewrites() {
    return { beforeFiles: [{ source: "/favicon.ico", destination: "/icon.svg" }], afterFiles: [], fallback: [] };
  },
  // Every other answer gets its headers from src/proxy.ts; build assets skip the proxy.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default nextConfig;
