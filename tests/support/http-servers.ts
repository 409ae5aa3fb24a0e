import http from "node:http";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { writeBody } from "../../server/write-body";

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Cuts every open connection (streams included) and stops listening. */
  close: () => Promise<void>;
}

/** A node:http server on a free port of 127.0.0.1. */
export async function listen(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A node:http server that answers with a fetch handler, as Next.js runs a route handler. */
export function listenWithFetch(handle: (request: Request) => Promise<Response>): Promise<TestServer> {
  return listen((req, res) => {
    void (async () => {
      const response = await handle(incomingMessageToRequest(req, res, { maxBodySize: null }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      await writeBody(res, response.body);
    })().catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
  });
}
