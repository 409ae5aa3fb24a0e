import { TRPCError } from "@trpc/server";
import { createRequestContext } from "@/server/api/request-context";
import { restErrorResponse } from "@/server/api/rest/rest-errors";
import { createCaller } from "@/server/api/root";
import { drawProductPreview } from "../../draw-preview";

export const dynamic = "force-dynamic";

const PREVIEW_FILE = /^(.+)\.png$/;

function noSuchPreview(): Response {
  return new Response("No such picture.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * A product's drawn picture as a PNG, for link previews (sites that show them
 * take no SVG). Drawing one costs tens of milliseconds, so only products on
 * sale get one, and the check is a catalog read: it counts against the
 * caller's rate limit like any other.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const slug = PREVIEW_FILE.exec((await params).file)?.[1];
  if (!slug) return noSuchPreview();
  try {
    await createCaller(await createRequestContext(request.headers)).catalog.bySlug({ slug });
  } catch (error) {
    // An unknown slug and a malformed one are both simply not here.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST"))
      return noSuchPreview();
    if (error instanceof TRPCError) return restErrorResponse(error, new Headers());
    throw error;
  }
  return drawProductPreview(slug);
}
