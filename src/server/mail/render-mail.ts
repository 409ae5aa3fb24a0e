import { render, toPlainText } from "@react-email/render";
import { env } from "@/env";
import type { Mail } from "../queue/mail-kinds";
import { composeMail } from "./templates/compose-mail";
import type { Shop } from "./templates/template-props";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

// Headings stay in their own case in the plain-text part (html-to-text shouts them by default).
const headings = ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } }));

export function shopFromEnv(): Shop {
  return { name: env.SHOP_NAME, address: env.SHOP_ADDRESS };
}

/** A mail as its subject, HTML and plain-text parts. */
export async function renderMail(mail: Mail, shop: Shop = shopFromEnv()): Promise<RenderedMail> {
  const { subject, element } = composeMail(mail, shop);
  const html = await render(element);
  // What render(element, { plainText: true }) returns, without rendering the React tree a second time.
  const text = toPlainText(html, { selectors: headings });
  return { subject, html, text };
}
