import { useState } from 'react';

export interface ActionState {
  pending: boolean;
  error: string | undefined;
  /** Runs `work`, then `onDone`; a failure is kept in `error` for the form to show. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
}

/** One button's request at a time, with its error shown next to it. */
export function useAction(onDone: () => void): ActionState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = async (work: () => Promise<unknown>): Promise<boolean> => {
    setPending(true);
    setError(undefined);
    try {
      await work();
      onDone();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setPending(false);
    }
  };
  return { pending, error, run };
}
