import { MailLayout } from "./mail-layout";
import { ActionButton, Paragraph } from "./mail-parts";
import { OrderLines, orderNumber } from "./order-lines";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function orderExpiredSubject(mail: MailOf<"order-expired">, shop: Shop): string {
  return `Your ${shop.name} order ${orderNumber(mail.order)} expired unpaid`;
}

export function OrderExpiredMail({ mail, shop }: TemplateProps<"order-expired">) {
  return (
    <MailLayout
      shop={shop}
      preview="We did not receive the payment in time; nothing was charged."
      heading={`Your order ${orderNumber(mail.order)} expired`}
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        We held these items for you, but the payment did not arrive in time, so the order has expired and nothing was
        charged. If a payment still reaches us, it is refunded automatically.
      </Paragraph>
      <OrderLines order={mail.order} />
      <Paragraph>The items are back on sale; you are welcome to order them again.</Paragraph>
      <ActionButton href={mail.shopUrl}>Shop again</ActionButton>
    </MailLayout>
  );
}
