import http from "node:http";
import type { AddressInfo } from "node:net";
import { CLIENT_ADDRESS_HEADER } from "../src/server/http/client-ip";
import {
  DOCUMENT_NONCE_HEADER,
  DOCUMENT_RENDER_HEADER,
  documentRenderSecret,
} from "../src/server/http/document-render";
import type { RenderRequest } from "./document-cache";
import { REQUEST_ID_HEADER } from "../src/server/http/request-id";
import { headersOf } from "./node-headers";

/** The address to reach this server on from inside the process. */
function loopbackOf(server: http.Server): { host: string; port: number } {
  const { address, port } = server.address() as AddressInfo;
  const wildcard = address === "::" || address === "0.0.0.0";
  return { host: wildcard ? "127.0.0.1" : address, port };
}

/**
 * Asks this very server (through Next.js and its proxy, like any visitor) for
 * a page as a visitor of `host` sees it (anonymous, or with their session
 * cookie and no other, and their address for rate limits), with `nonce` as its CSP nonce. node:http rather than
 * fetch: fetch may not set the Host header or a cookie.
 */
export function renderThrough(server: http.Server) {
  return ({ host, path, cookie, client, requestId, nonce }: RenderRequest): Promise<Response> =>
    new Promise((resolve, reject) => {
      const target = loopbackOf(server);
      const request = http.get(
        {
          host: target.host,
          port: target.port,
          path,
          headers: {
            host,
            accept: "text/html",
            // Next streams metadata into the body when the user agent is empty; with one (any: next.config.mjs
            // htmlLimitedBots) it goes into the head, where the crawlers this copy is also served to read it.
            "user-agent": "storefront-document-cache",
            "accept-encoding": "identity",
            [DOCUMENT_RENDER_HEADER]: documentRenderSecret(),
            [DOCUMENT_NONCE_HEADER]: nonce,
            ...(cookie ? { cookie } : {}),
            ...(client ? { [CLIENT_ADDRESS_HEADER]: client } : {}),
            ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () =>
            resolve(
              new Response(Buffer.concat(chunks), { status: response.statusCode ?? 500, headers: headersOf(response) }),
            ),
          );
        },
      );
      request.on("error", reject);
      request.setTimeout(30_000, () => request.destroy(new Error("The page render took longer than 30 s.")));
    });
}
