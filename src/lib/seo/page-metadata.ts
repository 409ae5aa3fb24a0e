import type { Metadata } from "next";
import type { PreviewImage } from "@/lib/pictures/preview-url";

const SITE_NAME = "Storefront";
/** About what search results show of a description before they cut it. */
const DESCRIPTION_LENGTH = 160;

export interface PageMetadataInput {
  /** The page's own name; the layout's title template adds the shop's (`absolute` keeps it as given). */
  title: string | { absolute: string };
  description: string;
  /** The canonical path, without a query: search, sort and filter variants all name the plain page. */
  path: string;
  image: PreviewImage;
}

/** Text on one line, cut at a word near `length` characters. */
export function summarise(text: string, length = DESCRIPTION_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > length / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/**
 * A catalog page's metadata: title, description, canonical address, and the
 * Open Graph and Twitter card a shared link shows. Paths are relative; the
 * root layout's `metadataBase` (the shop's public origin) makes them absolute.
 * Complete on purpose: a page's `openGraph` replaces its layout's whole.
 */
export function pageMetadata({ title, description, path, image }: PageMetadataInput): Metadata {
  const text = summarise(description);
  const shownTitle = typeof title === "string" ? title : title.absolute;
  const picture = {
    url: image.url,
    alt: image.alt,
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
  };
  return {
    title,
    description: text,
    alternates: { canonical: path },
    openGraph: {
      type: "website",
      siteName: SITE_NAME,
      url: path,
      title: shownTitle,
      description: text,
      images: [picture],
    },
    twitter: { card: "summary_large_image", title: shownTitle, description: text, images: [picture] },
  };
}
