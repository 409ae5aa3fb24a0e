import { formatDateTime } from "@/lib/format-date";
import { MailLayout } from "./mail-layout";
import { ActionButton, Paragraph } from "./mail-parts";
import { OrderLines, orderNumber } from "./order-lines";
import { ShippingAddress } from "./shipping-address";
import type { MailOf, Shop, TemplateProps } from "./template-props";

export function orderPlacedSubject(mail: MailOf<"order-placed">, shop: Shop): string {
  return `Your ${shop.name} order ${orderNumber(mail.order)} is confirmed`;
}

export function OrderPlacedMail({ mail, shop }: TemplateProps<"order-placed">) {
  const number = orderNumber(mail.order);
  return (
    <MailLayout
      shop={shop}
      preview={`Thank you for your order ${number}.`}
      heading={`Thank you for your order ${number}`}
    >
      <Paragraph>Hello {mail.name},</Paragraph>
      <Paragraph>
        We received your order on {formatDateTime(mail.order.placedAt)} and are getting it ready. We will write again
        when it ships.
      </Paragraph>
      <OrderLines order={mail.order} />
      <ShippingAddress address={mail.order.shipTo} />
      <ActionButton href={mail.orderUrl}>View your order</ActionButton>
    </MailLayout>
  );
}
