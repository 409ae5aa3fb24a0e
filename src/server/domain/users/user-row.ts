import type { AdminUserDto } from "@/lib/contracts/admin";
import { users } from "../../db/schema";

/** Account columns an admin may see: never the password hash. */
export const adminUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

export function toAdminUserDto(row: {
  id: string;
  email: string;
  name: string;
  role: AdminUserDto["role"];
  disabledAt: Date | null;
  createdAt: Date;
}): AdminUserDto {
  const { disabledAt, createdAt, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null, createdAt: createdAt.toISOString() };
}
