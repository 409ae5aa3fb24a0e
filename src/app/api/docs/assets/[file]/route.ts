import { apiDocsAsset } from "@/server/http/api-docs";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const asset = await apiDocsAsset((await params).file);
  return asset ?? new Response("Not found", { status: 404 });
}
