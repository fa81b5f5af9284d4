import { getRequestConfig } from 'next-intl/server';
import { requestLocale } from '@/lib/server/hosted/request-locale';

// next-intl's request hook. No locale in URLs: the server decides it from the request.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: (await import(`../messages/${locale}.json`)).default };
});
