import { LOCALE_NAMES } from '@/i18n/config';
import { LOCALES } from '@/lib/shared/vocabulary';
import { usePreviewState } from './PreviewState';

/** The canvas's language and width. A plain GET form, so the language can change without script too. */
export function LanguageAndWidthForm() {
  const state = usePreviewState();
  return (
    <form
      method="get"
      action="/preview"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        // A language change reloads: <html lang dir> belongs to the server render.
        e.preventDefault();
        const lang = new FormData(e.currentTarget).get('lang');
        const params = new URLSearchParams(state.search);
        params.set('lang', String(lang));
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose
        window.location.assign(`/preview?${params}`);
      }}
    >
      <label className="grid gap-1 text-sm font-medium">
        Language
        <select
          name="lang"
          defaultValue={state.locale}
          className="rounded border border-gray-400 px-2 py-1.5"
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button className="rounded border border-gray-400 px-3 py-1.5 text-sm">Apply</button>
      </noscript>
      <fieldset className="flex gap-3 text-sm">
        <legend className="mb-1 font-medium">Width</legend>
        {(['phone', 'desktop'] as const).map((w) => (
          <label key={w} className="flex items-center gap-1.5">
            <input type="radio" name="width" value={w} checked={state.width === w} onChange={() => state.setWidth(w)} />
            {w === 'phone' ? 'Phone' : 'Desktop'}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
