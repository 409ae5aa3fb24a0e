import type { CSSProperties } from "react";

// Inline styles only: mail clients drop <style> blocks and never load stylesheets or fonts.
const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const body: CSSProperties = { backgroundColor: "#f5f5f4", fontFamily: font, margin: 0, padding: "24px 0" };
export const container: CSSProperties = {
  backgroundColor: "#ffffff",
  border: "1px solid #e7e5e4",
  borderRadius: "8px",
  maxWidth: "560px",
  padding: "24px 32px",
};
export const brand: CSSProperties = { color: "#57534e", fontSize: "14px", fontWeight: 700, margin: "0 0 8px" };
export const heading: CSSProperties = { color: "#1c1917", fontSize: "22px", lineHeight: "28px", margin: "0 0 16px" };
export const paragraph: CSSProperties = { color: "#1c1917", fontSize: "15px", lineHeight: "22px", margin: "0 0 14px" };
export const muted: CSSProperties = { ...paragraph, color: "#57534e", fontSize: "13px", lineHeight: "19px" };
export const button: CSSProperties = {
  backgroundColor: "#1c1917",
  borderRadius: "6px",
  color: "#ffffff",
  display: "inline-block",
  fontSize: "15px",
  fontWeight: 600,
  padding: "12px 20px",
  textDecoration: "none",
};
export const link: CSSProperties = { color: "#1d4ed8", textDecoration: "underline", wordBreak: "break-all" };
export const rule: CSSProperties = { borderColor: "#e7e5e4", margin: "24px 0 16px" };
export const footer: CSSProperties = { ...muted, margin: "0 0 6px" };
export const label: CSSProperties = { ...paragraph, fontWeight: 700, margin: "0 0 4px" };
export const table: CSSProperties = { borderCollapse: "collapse", margin: "0 0 16px", width: "100%" };
export const cell: CSSProperties = { borderBottom: "1px solid #e7e5e4", fontSize: "15px", padding: "8px 0" };
export const amountCell: CSSProperties = { ...cell, textAlign: "right", whiteSpace: "nowrap" };
// The total's parts (subtotal, discount, shipping, tax): quieter rows between the lines and the total.
export const partCell: CSSProperties = { ...cell, borderBottom: "none", color: "#57534e", padding: "4px 0" };
export const partAmountCell: CSSProperties = { ...partCell, textAlign: "right", whiteSpace: "nowrap" };
export const totalCell: CSSProperties = { ...cell, borderBottom: "none", fontWeight: 700 };
export const totalAmountCell: CSSProperties = { ...amountCell, borderBottom: "none", fontWeight: 700 };
