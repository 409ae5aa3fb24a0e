import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getAuthSecret } from "../security/auth-secret";
import { mailSchema, type Mail } from "./mail-kinds";

// A purpose of its own, so this key can never stand in for anything else AUTH_SECRET makes.
const KEY_INFO = "storefront mail job v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", getAuthSecret(), "", KEY_INFO, 32));
}

/**
 * A mail as its job stores it: AES-256-GCM under a key made from AUTH_SECRET.
 * Mails carry sign-in links (password reset, verification) and addresses; the
 * job tables keep them for days, and only their hashes may be readable there.
 */
export function sealMail(mail: Mail): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(mail), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The mail a job carries; throws when it was sealed under another AUTH_SECRET or altered. */
export function unsealMail(sealed: string): Mail {
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const json = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
  return mailSchema.parse(JSON.parse(json));
}
