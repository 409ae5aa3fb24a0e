export const MAX_BODY_BYTES = 1024 * 1024;

export const bodyTooLargeMessage = `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`;

/**
 * The request with its body capped at MAX_BODY_BYTES, or null when it is
 * larger. A declared Content-Length is checked up front; a chunked body is
 * read up to the cap. Each face answers null with a 413 in its own shape.
 */
export async function limitBody(request: Request): Promise<Request | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > MAX_BODY_BYTES ? null : request;
  if (!request.body) return request;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}
