/** False when the path holds percent-encoding that does not decode (e.g. `%E0%A4%A`): such an address is a 400. */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const MALFORMED_ADDRESS_MESSAGE = "The address contains malformed percent-encoding.";
