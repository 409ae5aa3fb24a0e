// Shared by the domain and the UI; no server imports here.

/** Where a code stands for the admin, worked out from its dates, its pause and its uses. */
export const discountStatuses = ["active", "scheduled", "paused", "used_up", "ended"] as const;
export type DiscountStatus = (typeof discountStatuses)[number];

export const discountStatusLabels: Record<DiscountStatus, string> = {
  active: "Active",
  scheduled: "Scheduled",
  paused: "Paused",
  used_up: "Used up",
  ended: "Ended",
};
