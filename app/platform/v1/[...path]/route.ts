import { unknownRoute } from '@/lib/server/http/api-route';

// Any path under /platform/v1 (and /api/v1) that no route serves: a 404 in the error envelope.
export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
export const HEAD = unknownRoute;
export const OPTIONS = unknownRoute;
