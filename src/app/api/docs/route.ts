import { apiDocsPage } from "@/server/http/api-docs";

export function GET(request: Request) {
  return apiDocsPage(request.headers.get("x-nonce"));
}
