import { openApiDocument } from "@/server/api/rest/openapi-document";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
