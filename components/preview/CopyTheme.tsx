import { useState } from 'react';
import { usePreviewState } from './PreviewState';

/** The overrides as the API's theme_config JSON, with buttons to copy it or a link back to this preview. */
export function CopyTheme() {
  const state = usePreviewState();
  const [copied, setCopied] = useState<string | null>(null);
  const json = JSON.stringify({ theme_config: state.overrides }, null, 2);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied to the clipboard.`);
    } catch {
      setCopied(`Could not copy automatically; select and copy it by hand.`);
    }
  }

  return (
    <div className="grid gap-2">
      <label htmlFor="theme-json" className="text-sm font-medium">
        theme_config JSON
      </label>
      <textarea
        id="theme-json"
        readOnly
        value={json}
        rows={Math.min(14, json.split('\n').length)}
        className="w-full rounded border border-gray-400 p-2 font-mono text-xs"
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded bg-gray-900 px-3 py-1.5 text-sm font-medium text-white"
          onClick={() => copy(json, 'theme_config JSON')}
        >
          Copy theme_config
        </button>
        <button
          type="button"
          className="rounded border border-gray-900 px-3 py-1.5 text-sm font-medium"
          onClick={() => copy(`${window.location.origin}/preview?${state.search}`, 'Preview URL')}
        >
          Copy preview URL
        </button>
      </div>
      <p role="status" className="text-sm text-gray-700">
        {copied}
      </p>
    </div>
  );
}
