import { isIPv6 } from "node:net";

/** The eight 16-bit groups of an IPv6 address, `::` expanded (an embedded IPv4 tail counts as two). */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.split("::", 2);
  const parts = (text: string) =>
    text === ""
      ? []
      : text.split(":").flatMap((part) => {
          if (!part.includes(".")) return [part];
          const [a = 0, b = 0, c = 0, d = 0] = part.split(".").map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = parts(head);
  const right = tail === undefined ? [] : parts(tail);
  const zeros = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => "0");
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""));
}

/**
 * The client address as rate limits count it: an IPv4 address as is; an IPv6
 * address by its /64 network, because one subscriber is usually given a whole
 * /64 and could otherwise take a fresh bucket per address.
 */
export function rateLimitAddress(address: string): string {
  const bare = address.split("%", 1)[0] ?? address;
  if (!isIPv6(bare)) return address;
  return `${ipv6Groups(bare).slice(0, 4).join(":")}::/64`;
}
