/**
 * Posting a string to a worker copies it on the sending thread, in one go: for a 10 MB paste some 10 ms, and far
 * more when the machine is busy (the analysis worker is busy by definition). A paste over this size is sent in
 * parts, one per task, so no copy keeps the page from answering input; the worker joins them.
 */
export const TEXT_PART_CHARS = 1_000_000;

/** One part of the text of the request `id` that follows. */
export interface TextPart {
  readonly id: number;
  readonly textPart: string;
}

function isTextPart(value: unknown): value is TextPart {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === "number" && typeof candidate.textPart === "string";
}

interface Target {
  postMessage(message: unknown): void;
}

/**
 * Posts `request` with its text: the parts first, a task apart, then the request with the rest of the text and the
 * count of parts before it. `going` is asked before each post; once it says no, nothing more is sent.
 */
export function postTextInParts<R extends { readonly id: number; readonly text: string }>(
  target: Target,
  request: R,
  partChars: number,
  going: () => boolean,
): void {
  const { text } = request;
  let at = 0;
  let parts = 0;
  const step = () => {
    if (!going()) return;
    if (text.length - at > partChars) {
      target.postMessage({ id: request.id, textPart: text.slice(at, at + partChars) } satisfies TextPart);
      at += partChars;
      parts += 1;
      setTimeout(step, 0);
      return;
    }
    target.postMessage(parts === 0 ? request : { ...request, text: text.slice(at), textParts: parts });
  };
  step();
}

/**
 * The worker's side: keeps the parts of the latest request and hands on each request with its whole text. A
 * request whose parts did not all arrive is dropped (it cannot be analysed as sent).
 */
export function joinTextParts(handle: (request: unknown) => void): (message: unknown) => void {
  let id: number | undefined;
  let parts: string[] = [];
  return (message) => {
    if (isTextPart(message)) {
      if (message.id !== id) {
        id = message.id;
        parts = [];
      }
      parts.push(message.textPart);
      return;
    }
    if (typeof message !== "object" || message === null) return;
    const { textParts, ...request } = message as Record<string, unknown>;
    if (textParts === undefined) {
      handle(message);
      return;
    }
    const complete = request.id === id && textParts === parts.length && typeof request.text === "string";
    const text = complete ? parts.join("") + request.text : undefined;
    id = undefined;
    parts = [];
    if (text !== undefined) handle({ ...request, text });
  };
}
