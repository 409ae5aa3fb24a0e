import { MailLayout } from "./mail-layout";
import { ActionButton, Paragraph } from "./mail-parts";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function passwordChangedSubject(_mail: MailOf<"password-changed">, shop: Shop): string {
  return `Your ${shop.name} password was changed`;
}

export function PasswordChangedMail({ mail, shop }: TemplateProps<"password-changed">) {
  return (
    <MailLayout shop={shop} preview="If this was you, there is nothing to do." heading="Your password was changed">
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        The password of your {shop.name} account was just changed. If this was you, there is nothing to do.
      </Paragraph>
      <Paragraph>
        If it was not you, someone else may have your password: reset it now to lock them out, then check your recent
        orders.
      </Paragraph>
      <ActionButton href={mail.resetUrl}>Reset your password</ActionButton>
    </MailLayout>
  );
}
