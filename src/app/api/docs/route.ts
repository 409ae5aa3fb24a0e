import { apiDocsPage } from "@/server/http/api-docs";

export function GET() {
  return apiDocsPage();
}
