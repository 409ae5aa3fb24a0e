import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import { findSessionToken, sessionIdFromToken } from "../src/server/auth/session-cookie";
import { CLIENT_ADDRESS_HEADER } from "../src/server/http/client-ip";
import { REQUEST_ID_HEADER } from "../src/server/http/request-id";
import { DOCUMENT_RENDER_HEADER, freshNonce } from "../src/server/http/document-render";

const gzipped = promisify(gzip);

/**
 * The pages most shoppers land on, the catalog (`/`) and product pages, are
 * the same for every anonymous visitor, yet each render through Next.js costs
 * several milliseconds of CPU. This cache keeps one render of each in memory
 * and serves copies of it (docs/decisions/009-document-cache-beside-next.md).
 *
 * A signed-in visitor gets copies of their own renders of those pages and of
 * `/orders`, kept per session and served only while the digest of what the
 * page shows about them (account, cart, order statuses: `visitorState`), read
 * from the database on every visit, is the one the render was made at
 * (docs/decisions/011-signed-in-pages-per-session.md).
 *
 * The CSP needs a nonce per response, so a render is asked for with a random
 * marker nonce (the proxy honours it only with this process's secret) and the
 * marker is swapped for a fresh nonce in every copy. Entries are dropped when
 * the catalog changes (outbox events, which reach every instance) and at the
 * latest after `ttlMs`. Stock on a page older than a change is corrected in the
 * browser anyway: the page carries the outbox position it was read at, and its
 * live stream replays everything after it.
 *
 * A render is made on behalf of the visitor whose miss caused it, with their
 * address, so its reads count against their rate limit and nobody else's. A
 * render that failed part-way (a boundary that errored after the 200 went out)
 * is never kept, and only the shop's own host names are cached: any other Host
 * header is answered by Next.js and cannot push real pages out.
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

/** A page to render as one visitor sees it: anonymous (`cookie` null) or with their session cookie alone. */
export interface RenderRequest {
  host: string;
  path: string;
  cookie: string | null;
  /** The visitor's address as this server signed it (the CLIENT_ADDRESS_HEADER value), so the render is charged to them. */
  client: string | null;
  /** The visit's request id: the render's log lines carry it too. */
  requestId: string | null;
  nonce: string;
}

export interface DocumentCacheOptions {
  /** Has Next.js render a page as the request's visitor sees it, with the given CSP nonce. */
  render: (request: RenderRequest) => Promise<Response>;
  /** The digest of what a session's pages show about its visitor, or null when the session is not live. */
  visitorState: (sessionId: string) => Promise<string | null>;
  ttlMs: number;
  /** The most the kept renders may hold, in bytes. */
  maxBytes: number;
  /** The Host header values (lower case, with the port) of the shop's public address: no other is cached. */
  hosts: readonly string[];
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
  /** The visitor's state the render was made at ("" for anonymous pages). */
  state: string;
}

/** One visitor's view of one page: whose, where, and what their pages show of them now. */
interface Visit {
  key: string;
  state: string;
  request: Omit<RenderRequest, "nonce">;
}

const ANONYMOUS_PAGE = /^\/(?:(?:products|c)\/[a-z0-9][a-z0-9-]{0,199})?$/;
const SIGNED_IN_PAGE = /^\/(?:orders|(?:products|c)\/[a-z0-9][a-z0-9-]{0,199})?$/;

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

/** A document visit to a page kept for its kind of visitor; bearer tokens and Next's client router are not. */
function isCachedDocumentRequest(req: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  if (req.method !== "GET" || req.headers.authorization !== undefined) return false;
  if (!hosts.has((req.headers.host ?? "").toLowerCase())) return false;
  if (NOT_A_DOCUMENT_VISIT.some((name) => req.headers[name] !== undefined)) return false;
  const signedIn = findSessionToken(req.headers.cookie ?? null) !== null;
  return (signedIn ? SIGNED_IN_PAGE : ANONYMOUS_PAGE).test(req.url ?? "");
}

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
}

/**
 * React marks a Suspense boundary that failed on the server with `<!--$!-->`
 * and the error's digest: the page went out as a 200 but lacks that part.
 */
function holdsFailedBoundary(body: Buffer): boolean {
  return body.includes("<!--$!-->") || body.includes(" data-dgst=");
}

function sizeOf(entry: Entry): number {
  return entry.document.body.reduce((sum, part) => sum + part.length, 0) + entry.state.length + 1_024;
}

export function createDocumentCache(options: DocumentCacheOptions): DocumentCache {
  const entries = new LRUCache<string, Entry>({
    maxSize: options.maxBytes,
    sizeCalculation: sizeOf,
    ttl: options.ttlMs,
  });
  const rendering = new Map<string, Promise<Rendered | null>>();
  const hosts = new Set(options.hosts.map((host) => host.toLowerCase()));
  let generation = 0;
  let active = false;

  /**
   * Anonymous visits share one entry per host and path (other cookies do not
   * make a visitor someone). A signed-in visit has an entry per session, and
   * none once its session is not live: Next.js answers it (a sign-in redirect).
   */
  async function visitOf(req: IncomingMessage): Promise<Visit | null> {
    const host = (req.headers.host ?? "").toLowerCase();
    const path = req.url ?? "/";
    const carried = req.headers[CLIENT_ADDRESS_HEADER];
    const client = typeof carried === "string" ? carried : null;
    const visitId = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof visitId === "string" ? visitId : null;
    // A line break cannot occur in a header value or a request target.
    const page = `${host}\n${path}`;
    const session = findSessionToken(req.headers.cookie ?? null);
    if (!session) return { key: page, state: "", request: { host, path, cookie: null, client, requestId } };
    const sessionId = await sessionIdFromToken(session);
    const state = sessionId ? await options.visitorState(sessionId) : null;
    if (!sessionId || state === null) return null;
    return {
      key: `${sessionId}\n${page}`,
      state,
      request: { host, path, cookie: `${session.name}=${session.token}`, client, requestId },
    };
  }

  async function render(visit: Visit): Promise<Rendered | null> {
    const startedAt = generation;
    const marker = freshNonce();
    const response = await options.render({ ...visit.request, nonce: marker });
    const body = Buffer.from(await response.arrayBuffer());
    const policy = response.headers.get("content-security-policy");
    // A render that sets a cookie or came without our policy is not everyone's page: Next answers each request itself.
    if (response.headers.getSetCookie().length > 0 || !policy?.includes(`'nonce-${marker}'`)) return null;
    // A page that failed (wholly, or in a boundary after the 200) is nobody's to share: Next answers each visit.
    if ((response.status !== 200 && response.status !== 404) || holdsFailedBoundary(body)) return null;
    const headers: [string, string][] = [];
    for (const [name, value] of response.headers) if (!PER_RESPONSE_HEADERS.has(name)) headers.push([name, value]);
    const markerBytes = Buffer.from(marker);
    const document = { status: response.status, headers, policy: policy.split(marker), body: split(body, markerBytes) };
    // Only a 200 is kept; a 404 for a slug that does not exist is served to those waiting and forgotten.
    if (response.status === 200 && active && startedAt === generation)
      entries.set(visit.key, { document, state: visit.state });
    return document;
  }

  function invalidate(): void {
    generation += 1;
    entries.clear();
  }

  /** Concurrent misses share a render, but only with visits at the same state: a newer one waits for its own. */
  function renderFor(visit: Visit): Promise<Rendered | null> {
    const id = `${visit.key}\n${visit.state}`;
    let pending = rendering.get(id);
    if (!pending) {
      pending = render(visit).finally(() => rendering.delete(id));
      rendering.set(id, pending);
    }
    return pending;
  }

  return {
    serves: (req) => active && isCachedDocumentRequest(req, hosts),
    answer: async (req, res, otherwise) => {
      // A visit that cannot be judged (the database away), a failed render or one that is not to be
      // shared: Next.js answers this request as it would any other.
      const visit = await visitOf(req).catch(() => null);
      if (!visit) return otherwise();
      const kept = entries.get(visit.key);
      const hit = kept !== undefined && kept.state === visit.state;
      const document = hit ? kept.document : await renderFor(visit).catch(() => null);
      if (!document) return otherwise();
      const nonce = freshNonce();
      let body = join(document.body, Buffer.from(nonce));
      for (const [name, value] of document.headers) res.setHeader(name, value);
      res.setHeader("content-security-policy", document.policy.join(nonce));
      res.setHeader("x-document-cache", hit ? "hit" : "miss");
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
