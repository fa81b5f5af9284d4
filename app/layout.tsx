import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import type { CSSProperties, ReactNode } from 'react';
import { directionOf } from '@/i18n/config';
import { getCurrentLink } from '@/lib/server/hosted/current-link';
import { resolveTheme, themeToCssVars } from '@/lib/shared/theme';
import { fontVariables } from './fonts';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Common');
  return { title: t('appTitle') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/**
 * Language, direction and theme are decided on the server for every request: the theme arrives
 * as CSS variables on <html> (the link's theme over the built-in one; a project's default theme is
 * copied into its links when they are created), so there is no
 * client-side theming and no flash of another theme.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, link] = await Promise.all([getLocale(), getCurrentLink()]);
  const theme = resolveTheme(link?.themeConfig);
  return (
    <html
      lang={locale}
      dir={directionOf(locale)}
      className={fontVariables}
      style={themeToCssVars(theme) as CSSProperties}
    >
      <body className="min-h-dvh bg-background font-sans text-text antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
