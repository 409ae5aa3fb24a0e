import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request with full control over what a browser or Playwright would
 * normalise: any header (forged X-Forwarded-For), and the source address on
 * loopback (127.0.0.2 is "another address" to the server).
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? "GET",
        headers: {
          ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
        localAddress: options.localAddress,
        agent: false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** Auth.js's password sign-in, as a form post with its CSRF token: what the API of the sign-in page is. */
export async function credentialsSignIn(
  baseURL: string,
  credentials: { email: string; password: string },
  options: { headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawResponse> {
  const csrf = await rawRequest(`${baseURL}/api/auth/csrf`, { localAddress: options.localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((value) => value.split(";")[0]).join("; ");
  return rawRequest(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...options.headers },
    body: new URLSearchParams({ ...credentials, csrfToken, callbackUrl: "/" }).toString(),
    localAddress: options.localAddress,
  });
}
