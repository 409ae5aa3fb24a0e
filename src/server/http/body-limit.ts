export const MAX_BODY_BYTES = 1024 * 1024;

/** A 413 in the contract's error shape. */
function tooLarge(): Response {
  return Response.json(
    {
      error: {
        code: -32600,
        message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
        data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
      },
    },
    { status: 413 },
  );
}

/**
 * The request with its body capped at MAX_BODY_BYTES, or a 413. A declared
 * Content-Length is checked up front; a chunked body is read up to the cap.
 */
export async function limitBody(request: Request): Promise<Request | Response> {
  const declared = request.headers.get("content-length");
  if (declared !== null) return Number(declared) > MAX_BODY_BYTES ? tooLarge() : request;
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
      return tooLarge();
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}
