import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ROUTES, routeLabel } from "@/server/observability/route-label";

const appDir = path.resolve("src/app");

/** Every route Next serves from src/app, named as Next names it (route groups left out). */
function routesOnDisk(): string[] {
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((part) => part !== "." && !/^\(.*\)$/.test(part));
      return `/${segments.join("/")}`;
    })
    .sort();
}

describe("metric route labels", () => {
  it("list exactly the routes under src/app", () => {
    expect([...APP_ROUTES].sort()).toEqual(routesOnDisk());
  });

  it.each([
    ["/", "/"],
    ["/?q=mug&sort=price-asc", "/"],
    ["/products/stoneware-mug", "/products/[slug]"],
    ["/pictures/stoneware-mug.svg", "/pictures/[file]"],
    ["/previews/products/stoneware-mug.png", "/previews/products/[file]"],
    ["/previews/shop.png", "/previews/shop.png"],
    ["/sitemap.xml", "/sitemap.xml"],
    ["/robots.txt", "/robots.txt"],
    ["/c/kitchen?inStock=1", "/c/[slug]"],
    ["/orders/8a1c7a4e-1a7b-4c8e-9f0e-1d2c3b4a5f6e", "/orders/[id]"],
    ["/admin/products/new", "/admin/products/new"],
    ["/admin/products/8a1c7a4e", "/admin/products/[id]"],
    ["/api/trpc/catalog.list,cart.get?batch=1", "/api/trpc/[trpc]"],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
    ["/_next/static/chunks/app.js", "/_next/static"],
    ["/api/v1", "/api/v1/[[...path]]"],
    ["/api/v1/products/stoneware-mug", "/api/v1/[[...path]]"],
    ["/no/such/page", "(unmatched)"],
  ])("%s is counted as %s", (url, label) => {
    expect(routeLabel(url)).toBe(label);
  });
});
