import { drawProductPicture } from "@/lib/pictures/draw-product-picture";

const PICTURE_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.svg$/;

/**
 * The drawn picture of a product without one of its own. It depends on nothing
 * but the address, so it needs no database and every cache may keep it; a
 * redeploy that changes the drawings is picked up within a day (a week at most
 * for a copy served stale while it refreshes).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const slug = PICTURE_FILE.exec((await params).file)?.[1];
  if (!slug || slug.length > 200) {
    return new Response("No such picture.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(drawProductPicture(slug), {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    },
  });
}
