import { Fragment } from 'react';

/** Text with `backticks` shown as code, and "- " lines as a list (the document's descriptions). */
export function Text({ text, className = '' }: { text?: string; className?: string }) {
  if (!text) return null;
  const lines = text.split('\n');
  const items = lines.filter((l) => l.startsWith('- '));
  const prose = lines.filter((l) => !l.startsWith('- ') && l.trim() !== '');
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      {prose.map((p, i) => (
        <p key={i}>
          <Inline text={p} />
        </p>
      ))}
      {items.length > 0 && (
        <ul className="list-disc ps-5">
          {items.map((l, i) => (
            <li key={i}>
              <Inline text={l.slice(2)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Inline({ text }: { text: string }) {
  return text.split('`').map((part, i) =>
    i % 2 ? (
      <code key={i} className="rounded bg-muted px-1 font-mono text-[0.9em]">
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/** Pretty JSON in a scrollable region that takes focus, so keyboard users can scroll it too. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  return (
    <div
      role="region"
      tabIndex={0}
      aria-label={label}
      className="max-h-96 overflow-auto rounded-md border border-border bg-muted"
    >
      <pre className="p-3 font-mono text-xs leading-relaxed">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}
