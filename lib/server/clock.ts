// The one clock of the server. Whatever decides by time (expiry, timestamps written to rows)
// asks it, so the API, the hosted page and the sweep never disagree about what is due.
export const now = (): Date => new Date();
