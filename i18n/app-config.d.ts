// next-intl's types for this app (its "TypeScript augmentation"): getLocale() and useLocale()
// return a Locale of the vocabulary, and every message key and namespace is checked against
// the English messages (messages/messages.test.ts keeps the other languages in step with them).
import type { Locale } from '@/lib/shared/vocabulary';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof import('../messages/en.json');
  }
}
