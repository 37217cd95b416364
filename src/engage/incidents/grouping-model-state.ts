/**
 * The learned grouping weights in the store's model state, so feedback survives a restart.
 * A stored state that no longer validates is ignored (the model starts from its defaults)
 * rather than stopping the desk: the examples themselves stay in grouping_feedback.
 */
import { GroupingModelStateSchema, type GroupingModel, type GroupingModelState } from '../correlate/grouping-model.js';
import type { Store } from '../../store/store.js';

const KIND = 'grouping-model';
const KEY = 'weights';

export function loadGroupingModel(store: Store): GroupingModelState | undefined {
  const raw = store.modelState.load(KIND, KEY);
  if (raw === undefined) return undefined;
  try {
    const parsed = GroupingModelStateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveGroupingModel(store: Store, model: GroupingModel, nowMs: number): void {
  store.modelState.saveMany([{ kind: KIND, key: KEY, state: JSON.stringify(model.state()), updatedMs: nowMs }]);
}
