import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { carriesCredentials } from "../src/server/auth/credentials";
import { DOCUMENT_RENDER_HEADER, freshNonce } from "../src/server/http/document-render";
import { headersOf } from "./node-headers";

const gzipped = promisify(gzip);

/**
 * The pages most shoppers land on, the catalog (`/`) and product pages, are
 * the same for every anonymous visitor, yet each render through Next.js costs
 * several milliseconds of CPU. This cache keeps one render of each in memory
 * and serves copies of it (docs/decisions/009-document-cache-beside-next.md).
 *
 * The CSP needs a nonce per response, so a render is asked for with a random
 * marker nonce (the proxy honours it only with this process's secret) and the
 * marker is swapped for a fresh nonce in every copy. Entries are dropped when
 * the catalog changes (outbox events, which reach every instance) and at the
 * latest after `ttlMs`. Stock on a page older than a change is corrected in the
 * browser anyway: the page carries the outbox position it was read at, and its
 * live stream replays everything after it.
 */
export interface DocumentCache {
  /** True when this request is answered from the cache (served, or rendered once and served). */
  serves(req: IncomingMessage): boolean;
  /** Serves a copy; `otherwise` answers (through Next.js) when the render is not one to share. */
  answer(req: IncomingMessage, res: ServerResponse, otherwise: () => Promise<void>): Promise<void>;
  /** Drops every entry; renders already under way are not stored. */
  invalidate(): void;
  /** Starts serving (once the cache hears about catalog changes) or stops and forgets everything. */
  setActive(active: boolean): void;
}

export interface DocumentCacheOptions {
  /** Has Next.js render `path` for an anonymous visitor of `host` with the given CSP nonce. */
  render: (host: string, path: string, nonce: string) => Promise<Response>;
  ttlMs: number;
  maxEntries: number;
}

interface Rendered {
  status: number;
  headers: [string, string][];
  /** The CSP header and the body, cut where the marker nonce stood. */
  policy: string[];
  body: Buffer[];
}

interface Entry {
  document: Rendered;
  expiresAt: number;
}

const CACHED_PATH = /^\/(?:(?:products|c)\/[a-z0-9][a-z0-9-]{0,199})?$/;

/** Set per response, by Node or by this server: never copied from the render. */
const PER_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "x-request-id",
  "content-security-policy",
]);

function split(buffer: Buffer, marker: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(marker); at !== -1; at = buffer.indexOf(marker, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + marker.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}

function join(parts: Buffer[], nonce: Buffer): Buffer {
  const pieces: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(nonce);
    pieces.push(part);
  });
  return Buffer.concat(pieces);
}

/** Our own render, and Next's client router (RSC payloads, server actions, prefetches). */
const NOT_A_DOCUMENT_VISIT = [DOCUMENT_RENDER_HEADER, "rsc", "next-action", "next-router-prefetch"];

/** Anything a visitor's own identity could change, or Next's client router asks for, is not a cached document. */
function isAnonymousDocumentRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" || !CACHED_PATH.test(req.url ?? "")) return false;
  if (NOT_A_DOCUMENT_VISIT.some((name) => req.headers[name] !== undefined)) return false;
  return !carriesCredentials(headersOf(req));
}

/** Host and path: pages are the same for every anonymous visitor of one host. */
function pageOf(req: IncomingMessage): { host: string; path: string; key: string } {
  const host = req.headers.host ?? "";
  const path = req.url ?? "/";
  // A line break cannot occur in a header value or a request target.
  return { host, path, key: `${host}\n${path}` };
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
}

export function createDocumentCache(options: DocumentCacheOptions): DocumentCache {
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Rendered | null>>();
  let generation = 0;
  let active = false;

  async function render(page: ReturnType<typeof pageOf>): Promise<Rendered | null> {
    const startedAt = generation;
    const marker = freshNonce();
    const response = await options.render(page.host, page.path, marker);
    const body = Buffer.from(await response.arrayBuffer());
    const policy = response.headers.get("content-security-policy");
    // A render that sets a cookie or came without our policy is not everyone's page: Next answers each request itself.
    if (response.headers.getSetCookie().length > 0 || !policy?.includes(`'nonce-${marker}'`)) return null;
    const headers: [string, string][] = [];
    for (const [name, value] of response.headers) if (!PER_RESPONSE_HEADERS.has(name)) headers.push([name, value]);
    const markerBytes = Buffer.from(marker);
    const document = { status: response.status, headers, policy: policy.split(marker), body: split(body, markerBytes) };
    // Only a 200 is kept; a 404 for a slug that does not exist is served to those waiting and forgotten.
    if (response.status === 200 && active && startedAt === generation) {
      if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value ?? "");
      entries.set(page.key, { document, expiresAt: Date.now() + options.ttlMs });
    }
    return document;
  }

  function invalidate(): void {
    generation += 1;
    entries.clear();
  }

  function documentFor(page: ReturnType<typeof pageOf>): Promise<Rendered | null> {
    const entry = entries.get(page.key);
    if (entry && entry.expiresAt > Date.now()) return Promise.resolve(entry.document);
    let pending = rendering.get(page.key);
    if (!pending) {
      pending = render(page).finally(() => rendering.delete(page.key));
      rendering.set(page.key, pending);
    }
    return pending;
  }

  return {
    serves: (req) => active && isAnonymousDocumentRequest(req),
    answer: async (req, res, otherwise) => {
      const page = pageOf(req);
      const hit = entries.get(page.key)?.expiresAt ?? 0;
      // A render that failed or is not everyone's page: Next.js answers this request as it would any other.
      const document = await documentFor(page).catch(() => null);
      if (!document) return otherwise();
      const nonce = freshNonce();
      let body = join(document.body, Buffer.from(nonce));
      for (const [name, value] of document.headers) res.setHeader(name, value);
      res.setHeader("content-security-policy", document.policy.join(nonce));
      res.setHeader("x-document-cache", hit > Date.now() ? "hit" : "miss");
      if (acceptsGzip(req)) {
        body = await gzipped(body, { level: 4 });
        res.setHeader("content-encoding", "gzip");
      }
      res.setHeader("content-length", body.length);
      res.writeHead(document.status);
      res.end(body);
    },
    invalidate,
    setActive: (value) => {
      active = value;
      invalidate();
    },
  };
}
