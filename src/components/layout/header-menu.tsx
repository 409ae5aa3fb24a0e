"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The account links: in the header's row on wide screens, behind a Menu button
 * on a phone (CSS decides which; the button is hidden on wide screens). The
 * menu closes when the shopper moves to another page or presses Escape.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [closedFor, setClosedFor] = useState(pathname);
  if (closedFor !== pathname) {
    // A new page: the menu that led there has done its job.
    setClosedFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // Focus inside the panel would vanish with it: it goes back to the button that opened it.
      if (buttonRef.current?.parentElement?.contains(document.activeElement)) buttonRef.current.focus();
      setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="header-menu" data-open={open}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary header-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        Menu
      </button>
      <div id={id} className="header-menu__panel">
        {children}
      </div>
    </div>
  );
}
