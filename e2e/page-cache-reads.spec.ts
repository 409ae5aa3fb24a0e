import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cachedPageReads } from "@/server/auth/visitor-state";
import { cookieHeader } from "./lib/api-shopper";
import { rawRequest } from "./lib/raw-http";
import { serverLogDir } from "./lib/server-env";
import { expect, test } from "./fixtures";
import { signUpQuickly } from "./support";

// A page kept per session is served again while the digest of the visitor's data is unchanged
// (decision 011). If such a page read visitor data the digest does not cover, a change to it would go
// unseen. Each render runs under its visit's request id, so the server's log says what it read.
const covered = new Set<string>([...cachedPageReads.visitor, ...cachedPageReads.catalog]);

interface LogLine {
  requestId?: string;
  procedure?: string;
  msg?: string;
}

function linesOf(requestId: string): LogLine[] {
  return readFileSync(path.join(serverLogDir, "main.log"), "utf8")
    .split("\n")
    .filter((line) => line.includes(requestId))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

test("a page kept per session reads nothing of the visitor that its digest does not cover", async ({
  page,
  baseURL,
}) => {
  // A new account: what a page reads does not depend on what the visitor has (and no stock moves).
  await signUpQuickly(page, "Digest Reader");
  const cookie = await cookieHeader(page.request);

  const readsByPage: Record<string, string[]> = {};
  for (const pagePath of ["/", "/c/kitchen", "/products/stoneware-mug", "/orders"]) {
    const requestId = `digest-${randomUUID()}`;
    const visit = await rawRequest(`${baseURL}${pagePath}`, { headers: { cookie, "x-request-id": requestId } });
    expect(visit.status, pagePath).toBe(200);
    // Rendered now, for this session, and kept: what the render read is in the log under this id.
    expect(visit.headers["x-document-cache"], pagePath).toBe("miss");
    await expect
      .poll(() => linesOf(requestId).filter((line) => line.msg === "request").length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(2);
    readsByPage[pagePath] = [
      ...new Set(linesOf(requestId).flatMap((line) => (line.procedure ? [line.procedure] : []))),
    ].sort();
  }
  for (const [pagePath, reads] of Object.entries(readsByPage)) {
    expect(
      reads.filter((read) => !covered.has(read)),
      `${pagePath} reads ${reads.join(", ")}`,
    ).toEqual([]);
  }
  // The record is real: the pages read the visitor's cart and orders, and the catalog.
  expect(readsByPage["/orders"]).toEqual(expect.arrayContaining(["cart.get", "orders.list"]));
  expect(readsByPage["/"]).toEqual(expect.arrayContaining(["cart.get", "catalog.list"]));
});
