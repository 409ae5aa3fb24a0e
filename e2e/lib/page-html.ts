/** A page fetched as a browser's first visit would be, with what the document-cache tests read from it. */
export interface FetchedPage {
  status: number;
  /** `hit` or `miss` when the server's document cache answered; null when Next did. */
  cache: string | null;
  /** The nonce of the response's CSP. */
  nonce: string;
  html: string;
}

export async function fetchPage(url: string, headers: Record<string, string> = {}): Promise<FetchedPage> {
  const response = await fetch(url, { headers });
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  return {
    status: response.status,
    cache: response.headers.get("x-document-cache"),
    nonce,
    html: await response.text(),
  };
}

/** The stock a product page's HTML shows (React may put comment nodes before the number). */
export function stockShownIn(html: string): number {
  return Number(/data-testid="product-stock">(?:<[^>]+>)*(\d+)/.exec(html)?.[1]);
}
