import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** A fresh database on the PostgreSQL server at `serverUrl`, dropped by `drop()`. */
export async function createBenchDatabase(serverUrl: string) {
  const name = `storefront_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
