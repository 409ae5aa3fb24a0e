/**
 * First-load JavaScript per page: fetches each page's HTML from a running
 * server, downloads every script the HTML loads, and sums their gzip sizes
 * (Next 16 no longer prints this). `npm run budget [origin]` checks a server
 * started with `npm start`; the E2E suite checks what Chromium really
 * downloads against the same budgets (e2e/budget.spec.ts).
 */
import { gzipSync } from "node:zlib";

/** Pages and the most gzip bytes of JavaScript each may load: most shoppers land on these. */
export const jsBudgets: Record<string, number> = {
  "/": 190 * 1024,
  "/products/stoneware-mug": 190 * 1024,
};

export interface PageWeight {
  path: string;
  scripts: { src: string; gzipBytes: number }[];
  gzipBytes: number;
}

const SCRIPT_TAG = /<script\b([^>]*)>/g;
const SRC = /\bsrc="([^"]+)"/;

/**
 * The scripts a browser that runs modules downloads. `nomodule` scripts
 * (Next's legacy polyfills, about 39 kB) are skipped by every such browser,
 * i.e. every browser the shop supports, so they are not part of the budget.
 */
function loadedScripts(html: string): string[] {
  const sources = [...html.matchAll(SCRIPT_TAG)]
    .map((match) => match[1] ?? "")
    .filter((attributes) => !/\bnomodule\b/i.test(attributes))
    .map((attributes) => SRC.exec(attributes)?.[1]?.replaceAll("&amp;", "&"))
    .filter((src) => src !== undefined);
  return [...new Set(sources)];
}

export async function measureFirstLoadJs(baseUrl: string, path: string): Promise<PageWeight> {
  const page = await fetch(new URL(path, baseUrl));
  if (!page.ok) throw new Error(`${path} answered ${page.status}`);
  const html = await page.text();
  const scripts = await Promise.all(
    loadedScripts(html).map(async (src) => {
      const response = await fetch(new URL(src, baseUrl));
      if (!response.ok) throw new Error(`${src} answered ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { src, gzipBytes: gzipBytes(body) };
    }),
  );
  return { path, scripts, gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0) };
}

/** How the budget counts a script: its gzip size at the highest level. */
export function gzipBytes(body: Uint8Array): number {
  return gzipSync(body, { level: 9 }).byteLength;
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<void> {
  const baseUrl = process.argv[2] ?? "http://127.0.0.1:3000";
  let over = 0;
  for (const [path, budget] of Object.entries(jsBudgets)) {
    const weight = await measureFirstLoadJs(baseUrl, path);
    const verdict = weight.gzipBytes <= budget ? "ok" : "OVER BUDGET";
    if (weight.gzipBytes > budget) over += 1;
    console.log(
      `${path}: ${weight.scripts.length} scripts, ${kB(weight.gzipBytes)} gzip (budget ${kB(budget)}) ${verdict}`,
    );
    for (const script of weight.scripts.toSorted((a, b) => b.gzipBytes - a.gzipBytes)) {
      console.log(`  ${kB(script.gzipBytes).padStart(9)}  ${script.src}`);
    }
  }
  process.exitCode = over > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
