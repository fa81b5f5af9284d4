import localFont from 'next/font/local';

// Self-hosted (next/font/google cannot download here). Latin, Arabic and Devanagari cover all six locales.
export const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  display: 'swap',
});
export const arabic = localFont({
  src: '../node_modules/@fontsource-variable/noto-sans-arabic/files/noto-sans-arabic-arabic-wght-normal.woff2',
  variable: '--font-arabic',
  display: 'swap',
  preload: false,
});
export const devanagari = localFont({
  src: '../node_modules/@fontsource-variable/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-wght-normal.woff2',
  variable: '--font-devanagari',
  display: 'swap',
  preload: false,
});
export const fontVariables = `${inter.variable} ${arabic.variable} ${devanagari.variable}`;
