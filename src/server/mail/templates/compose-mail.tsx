import type { ReactElement } from "react";
import type { Mail } from "../../queue/mail-kinds";
import { AccountDeletedMail, accountDeletedSubject } from "./account-deleted";
import { EmailChangedMail, emailChangedSubject } from "./email-changed";
import { OrderCancelledMail, orderCancelledSubject } from "./order-cancelled";
import { OrderExpiredMail, orderExpiredSubject } from "./order-expired";
import { OrderDeliveredMail, orderDeliveredSubject } from "./order-delivered";
import { OrderPlacedMail, orderPlacedSubject } from "./order-placed";
import { OrderShippedMail, orderShippedSubject } from "./order-shipped";
import { PasswordChangedMail, passwordChangedSubject } from "./password-changed";
import { PasswordResetMail, passwordResetSubject } from "./password-reset";
import type { Shop } from "./template-props";
import { VerifyEmailMail, verifyEmailSubject } from "./verify-email";

/** A mail's subject and its React element; a new kind that is missing here fails to compile. */
export function composeMail(mail: Mail, shop: Shop): { subject: string; element: ReactElement } {
  switch (mail.kind) {
    case "verify-email":
      return { subject: verifyEmailSubject(mail, shop), element: <VerifyEmailMail mail={mail} shop={shop} /> };
    case "password-reset":
      return { subject: passwordResetSubject(mail, shop), element: <PasswordResetMail mail={mail} shop={shop} /> };
    case "password-changed":
      return { subject: passwordChangedSubject(mail, shop), element: <PasswordChangedMail mail={mail} shop={shop} /> };
    case "email-changed":
      return { subject: emailChangedSubject(mail, shop), element: <EmailChangedMail mail={mail} shop={shop} /> };
    case "account-deleted":
      return { subject: accountDeletedSubject(mail, shop), element: <AccountDeletedMail mail={mail} shop={shop} /> };
    case "order-placed":
      return { subject: orderPlacedSubject(mail, shop), element: <OrderPlacedMail mail={mail} shop={shop} /> };
    case "order-shipped":
      return { subject: orderShippedSubject(mail, shop), element: <OrderShippedMail mail={mail} shop={shop} /> };
    case "order-delivered":
      return { subject: orderDeliveredSubject(mail, shop), element: <OrderDeliveredMail mail={mail} shop={shop} /> };
    case "order-expired":
      return { subject: orderExpiredSubject(mail, shop), element: <OrderExpiredMail mail={mail} shop={shop} /> };
    case "order-cancelled":
      return { subject: orderCancelledSubject(mail, shop), element: <OrderCancelledMail mail={mail} shop={shop} /> };
  }
}
