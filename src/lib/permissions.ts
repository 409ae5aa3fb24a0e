/**
 * Who may do what, as data. The server checks these on every procedure (each
 * declares one in its meta); the UI reads the same map only to hide what a
 * user cannot do. Names are `action:entity:own|any`: `own` rows belong to the
 * caller, `any` means every row.
 */
export const permissions = [
  "read:cart:own",
  "update:cart:own",
  "create:order:own",
  "read:order:own",
  "cancel:order:own",
  "manage:token:own",
  "manage:session:own",
  "update:account:own",
  "read:product:any",
  "create:product:any",
  "update:product:any",
  "update:inventory:any",
  "read:order:any",
  "update:order:any",
  "read:audit:any",
  "read:user:any",
  "update:user:any",
  "read:job:any",
  "retry:job:any",
  "export:account:own",
  "delete:account:own",
  "read:address:own",
  "manage:address:own",
  "read:discount:any",
  "manage:discount:any",
] as const;

export type Permission = (typeof permissions)[number];

export const roles = ["customer", "admin"] as const;
export type Role = (typeof roles)[number];

const customer: readonly Permission[] = [
  "read:cart:own",
  "update:cart:own",
  "create:order:own",
  "read:order:own",
  "cancel:order:own",
  "manage:token:own",
  "manage:session:own",
  "update:account:own",
  "export:account:own",
  "delete:account:own",
  "read:address:own",
  "manage:address:own",
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  customer,
  admin: permissions,
};

export function roleCan(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

/** Who may enter the /admin area at all (each page and action still checks its own permission). */
export function canUseAdminArea(role: Role): boolean {
  return roleCan(role, "read:order:any");
}

/** What an API token may be limited to; a token never grants more than its owner's role. */
export const tokenScopes = ["read", "orders", "account", "admin"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenScopeDescriptions: Record<TokenScope, string> = {
  read: "Read your account, cart and orders",
  orders: "Change your cart, place and cancel orders",
  account: "Export your data or delete your account",
  admin: "Run the store (administrators only)",
};

/** The scope a token needs for each permission; none means tokens cannot use it at all. */
const scopeFor: Record<Permission, TokenScope | null> = {
  "read:cart:own": "read",
  "read:order:own": "read",
  "update:cart:own": "orders",
  "create:order:own": "orders",
  "cancel:order:own": "orders",
  // A leaked token must not be able to mint more tokens: managing them needs a signed-in session.
  "manage:token:own": null,
  // Nor end sessions or change the password: those need the person, signed in.
  "manage:session:own": null,
  "update:account:own": null,
  "read:product:any": "admin",
  "create:product:any": "admin",
  "update:product:any": "admin",
  "update:inventory:any": "admin",
  "read:order:any": "admin",
  "update:order:any": "admin",
  "read:audit:any": "admin",
  "read:user:any": "admin",
  "update:user:any": "admin",
  "read:job:any": "admin",
  "retry:job:any": "admin",
  "export:account:own": "account",
  "delete:account:own": "account",
  "read:address:own": "read",
  "manage:address:own": "orders",
  "read:discount:any": "admin",
  "manage:discount:any": "admin",
};

export function scopeNeeded(permission: Permission): TokenScope | null {
  return scopeFor[permission];
}
