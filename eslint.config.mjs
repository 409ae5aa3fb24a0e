import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

function restrictImports(files, group, message) {
  return {
    files,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group, message, allowTypeImports: true }] }],
    },
  };
}

const server = (folder) => `./src/server/${folder}`;

// The server's floors, bottom up; each may import only from floors below it. Matched on the
// resolved file, so relative imports are held to the same rule as `@/` ones.
const layerZones = [
  { target: server("security"), from: "./src/server", except: ["./security"] },
  { target: server("observability/logger.ts"), from: "./src/server" },
  { target: server("runtime"), from: "./src/server", except: ["./runtime"] },
  { target: server("db"), from: ["api", "auth", "domain", "events", "http", "ops"].map(server) },
  { target: server("events"), from: ["api", "auth", "domain", "http", "ops"].map(server) },
  { target: server("domain"), from: ["api", "auth", "http", "ops"].map(server) },
  { target: server("http"), from: ["api", "auth", "domain", "ops"].map(server) },
  { target: server("auth"), from: ["api", "ops"].map(server) },
  { target: "./src/server", from: ["./src/app", "./src/components", "./src/trpc"] },
].map((zone) => ({ ...zone, message: "This import runs up a layer (docs/architecture.md, Layers)." }));

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through src/env.ts.",
        },
      ],
    },
  },
  { files: ["src/server/**"], rules: { "import/no-restricted-paths": ["error", { zones: layerZones }] } },
  // The same boundary for relative imports: UI and shared code never reach into src/server by path.
  {
    files: ["src/components/**", "src/lib/**", "src/app/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: ["./src/components", "./src/lib"],
              from: "./src/server",
              message: "UI and shared code must not import server code; go through tRPC.",
            },
            {
              target: "./src/app",
              from: ["./src/server/db", "./src/server/domain"],
              message: "Routes stay thin: call tRPC or a platform helper, never the database or the domain.",
            },
          ],
        },
      ],
    },
  },
  // Layer boundaries (docs/architecture.md). Type-only imports may cross them.
  restrictImports(
    ["src/components/**", "src/lib/**", "src/trpc/react.tsx", "src/trpc/query-client.ts", "src/trpc/errors.ts"],
    ["@/server/*", "@/server/**", "drizzle-orm", "drizzle-orm/*", "@/app/*", "@/app/**"],
    "UI and shared code import neither server code nor routes: go through tRPC; server actions arrive as props.",
  ),
  restrictImports(
    ["src/app/**"],
    ["drizzle-orm", "drizzle-orm/*", "@/server/db/**", "@/server/domain/**"],
    "Routes stay thin: call tRPC or a platform helper, never the database or the domain.",
  ),
  restrictImports(
    ["src/server/domain/**"],
    ["@trpc/*", "next", "next/*", "next-auth", "next-auth/*", "react", "react-dom"],
    "The domain is transport-free: no tRPC, Next.js or React.",
  ),
  {
    files: [
      "src/env.ts",
      "src/instrumentation.ts",
      "server/**",
      "playwright.config.ts",
      "e2e/**",
      "scripts/**",
      "tests/**",
      "bench/**",
      "vitest.config.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    ignores: [
      "dist/**",
      ".next/**",
      "node_modules/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
