import type { StateCreator } from "zustand/vanilla";
import type { CertflowState } from "./store";

export interface InputSlice {
  /** The paste, with line breaks as a textarea holds them (LF). */
  readonly text: string;
  /** The date expiry is judged against, YYYY-MM-DD. */
  readonly asOf: string;
  /** Server name for blocks that do not reveal one; empty when not given. */
  readonly server: string;
  setText(text: string): void;
  setAsOf(asOf: string): void;
  setServer(server: string): void;
}

/** Today's date in the user's own calendar, which is what "as of today" means to them. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A textarea turns every CRLF and CR into LF; the store holds the same text so the controlled
// textarea never disagrees with its own value (which would reset the caret and the selection).
function asTextareaHolds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export const createInputSlice =
  (today: string): StateCreator<CertflowState, [], [], InputSlice> =>
  (set) => ({
    text: "",
    asOf: today,
    server: "",
    setText: (text) => set({ text: asTextareaHolds(text) }),
    setAsOf: (asOf) => set({ asOf }),
    setServer: (server) => set({ server }),
  });
