import { readFile } from "node:fs/promises";
import path from "node:path";

// Served from the app itself: no CDN, so the page works offline and under a strict CSP.
const VIEWER_FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    persistAuthorization: false,
  });
});
`;

function viewerDirectory(): string {
  return path.join(process.cwd(), "node_modules", "swagger-ui-dist");
}

/** A file of the API reference viewer, from an allow list; null for anything else. */
export async function apiDocsAsset(file: string): Promise<Response | null> {
  if (file === "init.js") {
    return new Response(INIT_SCRIPT, { headers: { "content-type": "text/javascript; charset=utf-8" } });
  }
  const type = VIEWER_FILES[file];
  if (!type) return null;
  const body = await readFile(path.join(viewerDirectory(), file));
  return new Response(body, {
    headers: { "content-type": type, "cache-control": "public, max-age=86400" },
  });
}

/**
 * The browsable API reference: Swagger UI over /api/openapi.json, every script
 * carrying the nonce of the policy src/proxy.ts set for this request.
 */
export function apiDocsPage(nonce: string | null): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storefront API reference</title>
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"><noscript>The API reference needs JavaScript; the raw document is at <a href="/api/openapi.json">/api/openapi.json</a>.</noscript></main>
<script nonce="${nonce ?? ""}" src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce ?? ""}" src="/api/docs/assets/init.js"></script>
</body>
</html>
`;
  return new Response(html, {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}
