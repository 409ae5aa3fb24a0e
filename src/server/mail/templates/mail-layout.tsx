import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import * as styles from "./styles";
import type { Shop } from "./template-props";

interface MailLayoutProps {
  shop: Shop;
  /** The line a mail client shows beside the subject. */
  preview: string;
  heading: string;
  /** Set on mails the customer may turn off; those carry the link in their footer. */
  unsubscribeUrl?: string;
  children: ReactNode;
}

/** The frame every mail shares: the shop's name on top, its name and postal address below. */
export function MailLayout({ shop, preview, heading, unsubscribeUrl, children }: MailLayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{shop.name}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.rule} />
          <Section>
            <Text style={styles.footer}>
              {shop.name}, {shop.address}
            </Text>
            {unsubscribeUrl ? (
              <Text style={styles.footer}>
                <Link href={unsubscribeUrl} style={styles.link}>
                  Unsubscribe from order updates
                </Link>
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
