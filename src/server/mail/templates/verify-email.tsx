import { MailLayout } from "./mail-layout";
import { ActionButton, Note, Paragraph } from "./mail-parts";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function verifyEmailSubject(_mail: MailOf<"verify-email">, shop: Shop): string {
  return `Confirm your email address for ${shop.name}`;
}

export function VerifyEmailMail({ mail, shop }: TemplateProps<"verify-email">) {
  return (
    <MailLayout shop={shop} preview="One click to confirm your email address." heading="Confirm your email address">
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        Please confirm that {mail.to} is your email address, so we can send your order updates and help you back into
        your account if you forget your password.
      </Paragraph>
      <ActionButton href={mail.url}>Confirm email address</ActionButton>
      <Note>If you did not create an account at {shop.name}, ignore this mail: nothing happens without the click.</Note>
    </MailLayout>
  );
}
