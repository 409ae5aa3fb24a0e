import type { UserRole } from "../db/schema";

/** Who is acting: every domain function that touches owned rows takes one. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}
