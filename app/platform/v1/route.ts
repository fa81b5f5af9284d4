import { unknownRoute } from '@/lib/server/http/api-route';

// The bare prefix (/platform/v1, and /api/v1 through the rewrite) serves nothing: a 404 in the
// error envelope like every other unknown path under the API, not Next's HTML page.
export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
export const HEAD = unknownRoute;
export const OPTIONS = unknownRoute;
