"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The account links: in the header's row on wide screens, behind a Menu button
 * on a phone (CSS decides which; the button is hidden on wide screens). The
 * menu closes when the shopper moves to another page or presses Escape.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // The page the menu was opened on: on any other page it is closed, since the menu that led there has done its job.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // Focus inside the panel would vanish with it: it goes back to the button that opened it.
      if (buttonRef.current?.parentElement?.contains(document.activeElement)) buttonRef.current.focus();
      setOpenOn(null);
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
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        Menu
      </button>
      <div id={id} className="header-menu__panel">
        {children}
      </div>
    </div>
  );
}
