// The bare prefix (/platform/v1, and /api/v1 through the rewrite) serves nothing: the same
// envelope 404 as every other unknown path under the API.
export { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } from './[...path]/route';
