"use client";

// The header's menu on narrow screens (a phone, 200 % zoom): the navigation and the user's
// block fold behind a "Meny" disclosure button; from 48rem up they are always shown in the
// header row (md:contents) and the button is hidden. `aside` (the notification bell) stays
// visible beside the button at every width.
import { usePathname } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";

export const MainMenu = ({ aside, children }: { aside: ReactNode; children: ReactNode }) => {
  const pathname = usePathname();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Open on the page where it was opened: following a link closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return (
    <>
      <div className="ml-auto flex items-center gap-2 md:order-1 md:ml-0">
        {aside}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="rounded border border-white/60 px-3 py-1 font-semibold hover:bg-white/10 md:hidden"
        >
          Meny
        </button>
      </div>
      <div
        id={panelId}
        onKeyDown={(event) => {
          // Escape closes the open menu and returns focus to its button (not to a hidden link).
          if (event.key !== "Escape" || !open) return;
          setOpenOn(null);
          button.current?.focus();
        }}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-4 pb-2 md:contents`}
      >
        {children}
      </div>
    </>
  );
};
