import { activePaymentProvider, isProduction, productionEnvProblems } from "@/env";
import { logger } from "./observability/logger";

/** Production without its secrets must not serve a single request: say which variable to set and exit. */
export function refuseToStartWithoutProductionEnv(): void {
  const problems = productionEnvProblems();
  if (problems.length === 0) return;
  logger.fatal({ problems }, "refusing to start: required environment variables are missing");
  process.stderr.write(`\nStorefront cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}\n\n`);
  process.exit(1);
}

/** Says loudly when a production server takes payments through the test provider: no money moves. */
export function warnOfTestPayments(): void {
  if (isProduction && activePaymentProvider === "test") {
    logger.warn(
      "payments go through the built-in test provider: no money moves (set PAYMENT_PROVIDER=stripe to take real payments)",
    );
  }
}
