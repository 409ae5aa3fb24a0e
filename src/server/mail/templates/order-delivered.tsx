import { MailLayout } from "./mail-layout";
import { ActionButton, Note, Paragraph } from "./mail-parts";
import { OrderLines, orderNumber } from "./order-lines";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function orderDeliveredSubject(mail: MailOf<"order-delivered">, shop: Shop): string {
  return `Your ${shop.name} order ${orderNumber(mail.order)} was delivered`;
}

export function OrderDeliveredMail({ mail, shop }: TemplateProps<"order-delivered">) {
  const number = orderNumber(mail.order);
  return (
    <MailLayout
      shop={shop}
      preview={`Your order ${number} has arrived.`}
      heading={`Your order ${number} was delivered`}
      unsubscribeUrl={mail.unsubscribeUrl}
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>Your order has been delivered. We hope you enjoy it.</Paragraph>
      <OrderLines order={mail.order} />
      <ActionButton href={mail.orderUrl}>View your order</ActionButton>
      <Note>If anything is missing or damaged, reply to this mail with your order number, {number}.</Note>
    </MailLayout>
  );
}
