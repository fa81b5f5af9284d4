// Settings for the reliability scripts' servers: rate limits high enough that the scripts measure
// the database and the app, not the limiter (lib/server/env.ts lists them).
export const UNTHROTTLED: Record<string, string> = {
  RATE_LIMIT_API_PER_SECOND: '1000000',
  RATE_LIMIT_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_WEBHOOKS_PER_MINUTE: '1000000',
  RATE_LIMIT_COMPLETIONS_PER_LINK: '1000',
};
