/** Runs once when a server process starts: refuse to serve production without its secrets. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { productionEnvProblems } = await import("./env");
  const problems = productionEnvProblems();
  if (problems.length === 0) return;
  const { logger } = await import("./server/observability/logger");
  logger.fatal({ problems }, "refusing to start: required environment variables are missing");
  process.stderr.write(`\nStorefront cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}\n\n`);
  process.exit(1);
}
