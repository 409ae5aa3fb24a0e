import { MailLayout } from "./mail-layout";
import { ActionButton, Note, Paragraph } from "./mail-parts";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function passwordResetSubject(_mail: MailOf<"password-reset">, shop: Shop): string {
  return `Reset your ${shop.name} password`;
}

export function PasswordResetMail({ mail, shop }: TemplateProps<"password-reset">) {
  return (
    <MailLayout
      shop={shop}
      preview={`Choose a new password. The link is valid for ${mail.validMinutes} minutes.`}
      heading="Reset your password"
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        We got a request to reset the password of your {shop.name} account. Choose a new password here; the link is
        valid for {mail.validMinutes} minutes.
      </Paragraph>
      <ActionButton href={mail.url}>Choose a new password</ActionButton>
      <Note>
        If you did not ask for this, ignore this mail: your password stays as it is, and nobody can change it without
        this link.
      </Note>
    </MailLayout>
  );
}
