import type { Mail, MailKind } from "../../queue/mail-kinds";

/** Who sends the mail: printed in every mail's footer. */
export interface Shop {
  name: string;
  address: string;
}

export type MailOf<K extends MailKind> = Extract<Mail, { kind: K }>;

export interface TemplateProps<K extends MailKind> {
  mail: MailOf<K>;
  shop: Shop;
}
