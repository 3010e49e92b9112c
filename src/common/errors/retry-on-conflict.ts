import { ConcurrentModificationError } from './concurrent-modification.error';

/** Re-runs a load-change-save step when an optimistic update lost the race. */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConcurrentModificationError) || i >= attempts) throw error;
    }
  }
}
