// The page learns that it is no longer this browser's link: any of its calls answered 409
// link_mismatch (another setup link was opened in this browser since, and its cookie replaced
// this page's). From then on the page shows the "you opened another setup link" screen instead
// of its flow (components/setup/LinkMismatchGuard.tsx). A tiny store for useSyncExternalStore.

let mismatched = false;
const listeners = new Set<() => void>();

export function isLinkMismatched(): boolean {
  return mismatched;
}

export function subscribeLinkMismatch(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True (and every listener told) when an answer is the server's link_mismatch refusal. */
export function noteLinkMismatch(status: number, body: unknown): boolean {
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (status !== 409 || code !== 'link_mismatch') return false;
  if (!mismatched) {
    mismatched = true;
    for (const listener of listeners) listener();
  }
  return true;
}

/** Tests only: back to a page that was never refused. */
export function resetLinkMismatch(): void {
  mismatched = false;
}
