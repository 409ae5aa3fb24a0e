import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, isProduction } from "@/env";

const devSecretFile = path.resolve(process.cwd(), ".data", "auth-secret");

let cached: string | undefined;

/**
 * AUTH_SECRET when set. Outside production a random secret is generated once
 * and kept in .data/ so sessions survive restarts with no setup at all.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  if (isProduction) throw new Error("AUTH_SECRET is not set: generate one with `openssl rand -base64 32`.");
  if (!existsSync(devSecretFile)) {
    mkdirSync(path.dirname(devSecretFile), { recursive: true });
    writeFileSync(devSecretFile, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return (cached = readFileSync(devSecretFile, "utf8").trim());
}
