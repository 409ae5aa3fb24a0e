/**
 * What must never appear in a server log: the secrets the E2E suite types,
 * sends or configures, and the shapes of credentials it cannot know in advance
 * (API tokens, session cookies and other JWTs, password hashes, bearer headers,
 * card numbers).
 */
import { cardNumbersIn } from "./card-numbers";

export interface SecretFinding {
  file: string;
  line: number;
  kind: string;
}

const SHAPES: { kind: string; pattern: RegExp }[] = [
  { kind: "API token", pattern: /\bsf_[A-Za-z0-9_-]{43}\b/ },
  { kind: "JWT or session cookie", pattern: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{10,}/ },
  { kind: "session cookie", pattern: /session-token=[^;\s"]{16,}/ },
  { kind: "password hash", pattern: /\$argon2(id|i|d)\$/ },
  { kind: "bearer credential", pattern: /bearer\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{16,}/i },
];

/** Each line of `text` that holds a known secret or the shape of one. */
export function findSecrets(file: string, text: string, knownSecrets: readonly string[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  text.split("\n").forEach((content, index) => {
    for (const secret of knownSecrets) {
      if (content.includes(secret)) findings.push({ file, line: index + 1, kind: "a test secret" });
    }
    for (const { kind, pattern } of SHAPES) {
      if (pattern.test(content)) findings.push({ file, line: index + 1, kind });
    }
    // Test cards too: they are typed on the provider's page only, and no server may log one.
    if (cardNumbersIn(content).length > 0) findings.push({ file, line: index + 1, kind: "card number" });
  });
  return findings;
}
