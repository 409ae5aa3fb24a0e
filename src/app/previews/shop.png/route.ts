import { drawShopPreview } from "../draw-preview";

// The same picture for every request: drawn once, at build time.
export const dynamic = "force-static";

export function GET(): Response {
  return drawShopPreview();
}
