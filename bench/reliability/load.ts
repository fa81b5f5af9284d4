// Shared by the durability scripts: writers that create customers through the real API as fast as
// they can, remembering every create the server acknowledged (201), and a check that each
// non-2xx answer carries the JSON error envelope.
export interface WriteLoad {
  acknowledged: string[];
  answers: Map<number, number>;
  /** Non-2xx answers that were not the envelope `{error: {code, message}, request_id}`. */
  withoutEnvelope: number;
  networkErrors: number;
  stop(): Promise<void>;
}

const isEnvelope = (body: unknown) => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
};

export function startWriteLoad(opts: { baseUrl: string; apiKey: string; writers: number; label: string }): WriteLoad {
  const load: WriteLoad = {
    acknowledged: [],
    answers: new Map(),
    withoutEnvelope: 0,
    networkErrors: 0,
    stop: async () => {},
  };
  let running = true;
  let n = 0;
  const writer = async () => {
    while (running) {
      const external = `${opts.label}-${process.pid}-${n++}`;
      try {
        const res = await fetch(`${opts.baseUrl}/platform/v1/customers`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${opts.apiKey}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ customer: { name: `Durability ${external}`, external_customer_id: external } }),
          signal: AbortSignal.timeout(15_000),
        });
        const body: unknown = await res.json().catch(() => null);
        load.answers.set(res.status, (load.answers.get(res.status) ?? 0) + 1);
        if (res.status === 201) load.acknowledged.push((body as { data: { id: string } }).data.id);
        else if (!isEnvelope(body)) load.withoutEnvelope++;
        // Throttled or failing: do not spin.
        if (res.status >= 400) await new Promise((r) => setTimeout(r, 50));
      } catch {
        load.networkErrors++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const all = Promise.all(Array.from({ length: opts.writers }, writer));
  load.stop = async () => {
    running = false;
    await all;
  };
  return load;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const summarizeAnswers = (answers: Map<number, number>) =>
  [...answers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
