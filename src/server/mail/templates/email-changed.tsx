import { MailLayout } from "./mail-layout";
import { Note, Paragraph } from "./mail-parts";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function emailChangedSubject(_mail: MailOf<"email-changed">, shop: Shop): string {
  return `The email address of your ${shop.name} account was changed`;
}

/** Goes to the old address, so its owner learns of a change they may not have made. */
export function EmailChangedMail({ mail, shop }: TemplateProps<"email-changed">) {
  return (
    <MailLayout
      shop={shop}
      preview={`Your account now uses ${mail.newEmail}.`}
      heading="Your email address was changed"
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        Your {shop.name} account now uses the address {mail.newEmail}. You sign in with that address from now on, and we
        send mail about your account and orders there, not to {mail.to}.
      </Paragraph>
      <Note>
        If you did not make this change, someone else may be using your account: reply to this mail right away so we can
        secure it.
      </Note>
    </MailLayout>
  );
}
