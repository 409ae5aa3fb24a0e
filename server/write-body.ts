import type { ServerResponse } from "node:http";

/** Resolves when the response can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

/**
 * Writes a fetch body to a Node response and ends it. A loop rather than
 * `stream.pipeline`, which adds seven `close` listeners to the response on top
 * of the server's own four and so trips Node's leak warning on every request.
 * A client that leaves stops the reading (the body is cancelled).
 */
export async function writeBody(res: ServerResponse, body: ReadableStream<Uint8Array> | null): Promise<void> {
  if (body) {
    const reader = body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      if (res.destroyed) {
        await reader.cancel();
        break;
      }
      if (!res.write(next.value)) await drained(res);
    }
  }
  res.end();
}
