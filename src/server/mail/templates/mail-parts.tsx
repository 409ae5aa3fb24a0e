import { Button, Link, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import * as styles from "./styles";

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export function Note({ children }: { children: ReactNode }) {
  return <Text style={styles.muted}>{children}</Text>;
}

/**
 * The mail's one action as a button, and the address itself below it for
 * clients that show no buttons (and for people who copy links).
 */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "8px 0 20px" }}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
      {/* The plain-text part already prints the button's address. */}
      <Text style={styles.muted} data-skip-in-text>
        Or open this link:{" "}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}
