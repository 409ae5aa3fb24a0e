import { MailLayout } from "./mail-layout";
import { ActionButton, Paragraph } from "./mail-parts";
import { OrderLines, orderNumber } from "./order-lines";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function orderShippedSubject(mail: MailOf<"order-shipped">, shop: Shop): string {
  return `Your ${shop.name} order ${orderNumber(mail.order)} has shipped`;
}

export function OrderShippedMail({ mail, shop }: TemplateProps<"order-shipped">) {
  const number = orderNumber(mail.order);
  return (
    <MailLayout
      shop={shop}
      preview={`Your order ${number} is on its way.`}
      heading={`Your order ${number} is on its way`}
      unsubscribeUrl={mail.unsubscribeUrl}
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>Good news: your order has shipped and is on its way to you. Here is what you ordered.</Paragraph>
      <OrderLines order={mail.order} />
      <ActionButton href={mail.orderUrl}>Follow your order</ActionButton>
    </MailLayout>
  );
}
