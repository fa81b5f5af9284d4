// Operator-facing terminal boxes (start banner, demo credentials). Plain text, no colours:
// they must read the same in CI logs and in a terminal.

/** Draws `lines` in a box; an empty string becomes a blank line. */
export function box(title: string, lines: string[]): string {
  const width = Math.max(title.length + 2, ...lines.map((l) => l.length));
  const pad = (s: string) => s + ' '.repeat(width - s.length);
  const top = `┌─ ${title} ${'─'.repeat(Math.max(0, width - title.length - 1))}┐`;
  const body = lines.map((l) => `│ ${pad(l)} │`);
  return ['', top, ...body, `└${'─'.repeat(width + 2)}┘`, ''].join('\n');
}
