"use client";
// The confirmation before an irreversible action: a native modal <dialog> (showModal makes the
// rest of the page inert, so focus stays inside, and Escape cancels), named by its heading.
// Focus starts on "Avbryt" and returns to the button that opened it.
import { useId, useImperativeHandle, useRef, type ReactNode, type Ref } from "react";
import { buttonClass, type SubmitVariant } from "./submit-button";

/** What the dialog asks: a question as heading, what happens, and the button that does it. */
export type Confirmation = { title: string; text: ReactNode; confirmLabel: string };

export type ConfirmDialogHandle = { ask: (trigger: HTMLElement | null, run: () => void) => void };

const CONFIRMED = "confirmed";

export const ConfirmDialog = ({ ref, confirmation, variant = "primary" }: { ref: Ref<ConfirmDialogHandle>; confirmation: Confirmation; variant?: SubmitVariant }) => {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const pending = useRef<{ trigger: HTMLElement | null; run: () => void } | null>(null);

  useImperativeHandle(ref, () => ({
    ask: (trigger, run) => {
      const dialog = dialogRef.current;
      if (!dialog) return;
      pending.current = { trigger, run };
      dialog.returnValue = "";
      dialog.showModal();
      cancelRef.current?.focus();
    },
  }));

  // Escape, "Avbryt" and the confirm button all end here; only the last runs the action.
  const onClose = () => {
    const asked = pending.current;
    pending.current = null;
    asked?.trigger?.focus();
    if (dialogRef.current?.returnValue === CONFIRMED) asked?.run();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onClose}
      className="m-auto max-w-md rounded-lg border border-slate-400 bg-white p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {confirmation.title}
      </h2>
      <div id={`${id}-text`} className="mt-2 text-slate-800">
        {confirmation.text}
      </div>
      <div className="mt-5 flex flex-wrap gap-3">
        <button type="button" onClick={() => dialogRef.current?.close(CONFIRMED)} className={buttonClass(variant)}>
          {confirmation.confirmLabel}
        </button>
        <button ref={cancelRef} type="button" onClick={() => dialogRef.current?.close()} className={buttonClass("secondary")}>
          Avbryt
        </button>
      </div>
    </dialog>
  );
};
