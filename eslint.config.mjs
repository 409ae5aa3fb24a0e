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
  // Layer boundaries (docs/architecture.md). Type-only imports may cross them.
  restrictImports(
    ["src/components/**", "src/lib/**", "src/trpc/react.tsx", "src/trpc/query-client.ts", "src/trpc/errors.ts"],
    ["@/server/*", "@/server/**", "drizzle-orm", "drizzle-orm/*"],
    "UI and shared code must not import server code; go through tRPC.",
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
      "playwright.config.ts",
      "e2e/**",
      "scripts/**",
      "tests/**",
      "bench/**",
      "vitest.config.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
