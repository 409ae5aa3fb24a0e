import { defineConfig } from "drizzle-kit";

// Generating migrations only diffs the schema against drizzle/; it needs no database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/index.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
