import { productionEnvProblems } from "@/env";
import { logger } from "./observability/logger";

/** Production without its secrets must not serve a single request: say which variable to set and exit. */
export function refuseToStartWithoutProductionEnv(): void {
  const problems = productionEnvProblems();
  if (problems.length === 0) return;
  logger.fatal({ problems }, "refusing to start: required environment variables are missing");
  process.stderr.write(`\nStorefront cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}\n\n`);
  process.exit(1);
}
