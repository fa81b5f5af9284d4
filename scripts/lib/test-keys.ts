// The two partner projects of the end-to-end suite, registered at server boot through
// BOOTSTRAP_API_KEYS. Fixed, test-only keys: the server under test uses a throwaway database.
const key = (label: string) => `sk_live_${label}`.padEnd('sk_live_'.length + 43, '0');

export const E2E_PROJECTS = {
  /** The project most tests act as (the `api` fixture). */
  primary: { name: 'E2E Partner', key: key('e2e_primary_') },
  /** Another partner, for isolation tests (the `otherApi` fixture): it must never see primary's data. */
  other: { name: 'E2E Other Partner', key: key('e2e_other_') },
};

export const bootstrapApiKeys = () =>
  Object.values(E2E_PROJECTS)
    .map((p) => `${p.name}:${p.key}`)
    .join(',');
