import type { MetadataRoute } from "next";
import { robotsRules } from "@/lib/seo/robots-rules";
import { shopOrigin } from "@/server/mail/links";

// The origin comes from the running server's settings (AUTH_URL), not the build machine's.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(shopOrigin());
}
