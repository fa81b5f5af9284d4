import type { ThemeKey } from '@/lib/shared/vocabulary';

// The editor's names for the theme keys, in English like the rest of its chrome. The colour fields
// and the contrast warnings both use them, so a warning names a pair exactly as its fields are labelled.

const THEME_LABELS: Record<ThemeKey, string> = {
  primary_color: 'Primary',
  primary_foreground_color: 'Text on primary',
  background_color: 'Page background',
  text_color: 'Text',
  muted_text_color: 'Muted text',
  card_color: 'Card',
  muted_color: 'Muted surface',
  border_color: 'Border',
  secondary_color: 'Secondary',
  secondary_foreground_color: 'Text on secondary',
  destructive_color: 'Destructive',
  destructive_foreground_color: 'Text on destructive',
};

export const themeLabel = (key: ThemeKey) => THEME_LABELS[key];
