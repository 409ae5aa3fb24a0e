import { MailLayout } from "./mail-layout";
import { Note, Paragraph } from "./mail-parts";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function accountDeletedSubject(_mail: MailOf<"account-deleted">, shop: Shop): string {
  return `Your ${shop.name} account was deleted`;
}

export function AccountDeletedMail({ mail, shop }: TemplateProps<"account-deleted">) {
  return (
    <MailLayout shop={shop} preview="Your account is closed." heading="Your account was deleted">
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        Your {shop.name} account for {mail.to} is deleted. You can no longer sign in with it, and this is the last mail
        we send you about it.
      </Paragraph>
      <Note>If you did not ask for this, reply to this mail and we will look into it.</Note>
    </MailLayout>
  );
}
