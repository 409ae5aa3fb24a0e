export const MAX_BODY_BYTES = 1024 * 1024;

/** A 413 in the contract's error shape when the declared body is larger than any valid input. */
export function tooLargeResponse(request: Request): Response | null {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!(declared > MAX_BODY_BYTES)) return null;
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
