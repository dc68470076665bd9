"use client";
// Autosave of one section: ~2 s after the last change and on blur, one request at a time,
// based on the version the text was loaded from. Unsent text is kept in localStorage
// (keyed by statement and section) until the server has it, so neither a network drop,
// an expired session nor a closed tab loses a typed word; it is resent when the
// connection is back, when the window regains focus, or on "Försök igen".
import { useEffect, useState, useSyncExternalStore } from "react";
import { saveStatementSectionAction } from "../actions";
import { sameJson, type SectionValue } from "../content";

export const AUTOSAVE_IDLE_MS = 2_000;
const OFFLINE_RETRY_MS = 5_000;

export type SaveStatus =
  | { kind: "idle"; savedAt: string | null }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "unauthenticated"; message: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: SectionValue; currentVersion: number; savedBy: string; savedAt: string };

export type SaverSnapshot<V> = { value: V; revision: number; status: SaveStatus };

export type SaverOptions<V> = {
  statementId: string;
  sectionId: string;
  initialValue: V;
  initialVersion: number;
  /** The action input for a value based on a version. */
  toInput: (value: V, baseVersion: number) => Record<string, unknown>;
  /** The other person's section from a conflict, as this section's value. */
  fromSection: (section: SectionValue) => V;
};

type Stored<V> = { value: V; baseVersion: number };

export type SectionSaver<V> = ReturnType<typeof createSectionSaver<V>>;

export const draftStorageKey = (statementId: string, sectionId: string): string => `yttra:utkast:${statementId}:${sectionId}`;

export const createSectionSaver = <V>(options: SaverOptions<V>) => {
  const storageKey = draftStorageKey(options.statementId, options.sectionId);
  let snapshot: SaverSnapshot<V> = { value: options.initialValue, revision: 0, status: { kind: "idle", savedAt: null } };
  let baseVersion = options.initialVersion;
  let dirty = false;
  let inFlight = false;
  let restored = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const emit = (next: Partial<SaverSnapshot<V>>) => {
    snapshot = { ...snapshot, ...next };
    for (const listener of listeners) listener();
  };
  const persist = () => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ value: snapshot.value, baseVersion } satisfies Stored<V>));
    } catch {
      // Storage full or disabled: the text is still in the editor and in memory.
    }
  };
  const forget = () => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // Nothing to forget.
    }
  };
  const isBlocked = () => snapshot.status.kind === "conflict";

  const save = async (): Promise<void> => {
    clearTimeout(timer);
    if (inFlight || !dirty || isBlocked()) return;
    inFlight = true;
    dirty = false;
    const sent = snapshot.value;
    emit({ status: { kind: "saving" } });
    let result: Awaited<ReturnType<typeof saveStatementSectionAction>>;
    try {
      result = await saveStatementSectionAction(options.toInput(sent, baseVersion));
    } catch {
      // The request never reached the server (offline, server restarting).
      inFlight = false;
      dirty = true;
      emit({ status: { kind: "offline" } });
      return;
    }
    inFlight = false;
    if (!result.ok) {
      dirty = true;
      emit({ status: "unauthenticated" in result ? { kind: "unauthenticated", message: result.error } : { kind: "error", message: result.error } });
      return;
    }
    if (result.data.status === "CONFLICT") {
      dirty = true;
      emit({ status: { kind: "conflict", theirs: result.data.current, currentVersion: result.data.currentVersion, savedBy: result.data.savedBy, savedAt: result.data.savedAt } });
      return;
    }
    baseVersion = result.data.version;
    if (dirty) {
      // Typed while the request was under way: send that too.
      persist();
      void save();
      return;
    }
    forget();
    emit({ status: { kind: "idle", savedAt: result.data.savedAt } });
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  };

  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    /** A change typed by the user. */
    change: (value: V) => {
      if (sameJson(value, snapshot.value)) return;
      dirty = true;
      emit({ value, status: isBlocked() ? snapshot.status : inFlight ? snapshot.status : { kind: "pending" } });
      persist();
      if (!isBlocked()) schedule(AUTOSAVE_IDLE_MS);
    },
    /** Blur and "Försök igen": save now. */
    flush: () => void save(),
    hasUnsaved: () => dirty || inFlight,
    /** The user's answer to a conflict. Every choice continues from the other's version. */
    resolveConflict: (choice: { keep: "mine" } | { keep: "theirs" } | { keep: "merged"; value: V }) => {
      if (snapshot.status.kind !== "conflict") return;
      const { theirs, currentVersion } = snapshot.status;
      baseVersion = currentVersion;
      if (choice.keep === "theirs") {
        dirty = false;
        forget();
        emit({ value: options.fromSection(theirs), revision: snapshot.revision + 1, status: { kind: "idle", savedAt: snapshot.status.savedAt } });
        return;
      }
      dirty = true;
      emit({ ...(choice.keep === "merged" ? { value: choice.value, revision: snapshot.revision + 1 } : {}), status: { kind: "pending" } });
      persist();
      void save();
    },
    /** The server wrote this section itself (Uppdatera från remissvaren): continue from its version. */
    adopt: (value: V, version: number) => {
      clearTimeout(timer);
      dirty = false;
      baseVersion = version;
      forget();
      emit({ value, revision: snapshot.revision + 1, status: { kind: "idle", savedAt: new Date().toISOString() } });
    },
    /** Restores unsent text from an earlier visit and starts listening for the connection. */
    start: () => {
      if (!restored) {
        restored = true;
        try {
          const raw = localStorage.getItem(storageKey);
          const stored = raw ? (JSON.parse(raw) as Stored<V>) : null;
          if (stored && typeof stored.baseVersion === "number" && !sameJson(stored.value, snapshot.value)) {
            baseVersion = stored.baseVersion;
            dirty = true;
            emit({ value: stored.value, revision: snapshot.revision + 1, status: { kind: "pending" } });
            void save();
          } else if (stored) {
            forget();
          }
        } catch {
          forget();
        }
      }
      const retry = () => {
        if (dirty && !isBlocked()) void save();
      };
      const interval = setInterval(() => {
        if (snapshot.status.kind === "offline") retry();
      }, OFFLINE_RETRY_MS);
      window.addEventListener("online", retry);
      window.addEventListener("focus", retry);
      return () => {
        clearInterval(interval);
        window.removeEventListener("online", retry);
        window.removeEventListener("focus", retry);
      };
    },
  };
};

export const useSectionSaver = <V>(options: SaverOptions<V>): { saver: SectionSaver<V>; snapshot: SaverSnapshot<V> } => {
  const [saver] = useState(() => createSectionSaver(options));
  const snapshot = useSyncExternalStore(saver.subscribe, saver.getSnapshot, saver.getSnapshot);
  useEffect(() => saver.start(), [saver]);
  return { saver, snapshot };
};
