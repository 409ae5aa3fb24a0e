import { apiPolicy } from "./content-security-policy";
import { securityHeaders } from "./security-headers";

/** The headers every non-HTML answer carries, whichever server path produced it. */
export function apiAnswerHeaders(): Record<string, string> {
  return { ...securityHeaders(), "Content-Security-Policy": apiPolicy };
}
