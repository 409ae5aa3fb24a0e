/**
 * The app's routes as Next.js names them (folders under src/app), plus the
 * build's files. A request's metrics carry one of
 * these, never its raw path, so ids and slugs cannot multiply the series.
 * tests/route-label.test.ts keeps the list in step with src/app.
 */
export const APP_ROUTES = [
  "/",
  "/account",
  "/admin",
  "/admin/audit",
  "/admin/discounts",
  "/admin/discounts/[id]",
  "/admin/jobs",
  "/admin/orders",
  "/admin/orders/[id]",
  "/admin/orders/[id]/packing-slip",
  "/admin/products",
  "/admin/products/[id]",
  "/admin/products/new",
  "/admin/users",
  "/c/[slug]",
  "/api/auth/[...nextauth]",
  "/api/docs",
  "/api/docs/assets/[file]",
  "/api/health",
  "/api/jobs/run",
  "/api/mail/unsubscribe",
  "/api/metrics",
  "/api/openapi.json",
  "/api/payments/webhook/[provider]",
  "/api/ready",
  "/api/trpc/[trpc]",
  "/api/v1/[[...path]]",
  "/cart",
  "/checkout",
  "/dev/mailbox",
  "/dev/mailbox/[id]",
  "/forgot-password",
  "/orders",
  "/orders/[id]",
  "/pictures/[file]",
  "/previews/products/[file]",
  "/previews/shop.png",
  "/products/[slug]",
  "/reset-password",
  "/sign-in",
  "/sign-up",
  "/test-provider/pay/[sessionId]",
  "/unsubscribe",
  "/verify-email",
] as const;

const STATIC_FILES = [
  { prefix: "/_next/static/", label: "/_next/static" },
  { prefix: "/_next/image", label: "/_next/image" },
];

const UNMATCHED = "(unmatched)";

interface Template {
  label: string;
  segments: string[];
}

const templates: Template[] = APP_ROUTES.map((label) => ({ label, segments: label.split("/").filter(Boolean) }));

function matches(template: Template, segments: string[]): boolean {
  const last = template.segments.at(-1);
  if (last?.startsWith("[...") || last?.startsWith("[[...")) {
    const fixed = template.segments.slice(0, -1);
    // `[[...x]]` also matches the folder itself; `[...x]` needs at least one more segment.
    const least = last.startsWith("[[") ? fixed.length : fixed.length + 1;
    return segments.length >= least && fixed.every((part, index) => part === segments[index]);
  }
  if (template.segments.length !== segments.length) return false;
  return template.segments.every((part, index) => part.startsWith("[") || part === segments[index]);
}

/** How specific a template is: static segments outrank dynamic ones, so `/admin/products/new` beats `[id]`. */
const specificity = (template: Template) => template.segments.filter((part) => !part.startsWith("[")).length;

const byPrecedence = [...templates].sort((a, b) => specificity(b) - specificity(a));

/** The route label of a request path (query string ignored). */
export function routeLabel(url: string): string {
  const pathname = url.split("?")[0] ?? "/";
  for (const file of STATIC_FILES) {
    if (pathname.startsWith(file.prefix)) return file.label;
  }
  if (["/favicon.ico", "/icon.svg", "/robots.txt", "/sitemap.xml"].includes(pathname)) return pathname;
  const segments = pathname.split("/").filter(Boolean);
  return byPrecedence.find((template) => matches(template, segments))?.label ?? UNMATCHED;
}
