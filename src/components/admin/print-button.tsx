"use client";

/** Opens the browser's print dialog; the page's print stylesheet decides what goes on paper. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" className="button" onClick={() => window.print()} data-testid="print-button">
      {label}
    </button>
  );
}
