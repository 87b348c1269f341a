import { ReadingStateSchema, type ReadingState } from '../../../shared/model/document';
import type { Store } from '../store';

export function readingOf(store: Store, id: string): ReadingState | undefined {
  const raw = store.data.reading[id];
  // Most documents were never opened: no schema (and no failed parse, which costs) for them.
  if (raw === undefined) return undefined;
  const parsed = ReadingStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export async function saveReading(store: Store, id: string, state: Partial<ReadingState>): Promise<void> {
  await store.commit([{ c: 'reading', k: id, v: { ...readingOf(store, id), ...state } }]);
}
