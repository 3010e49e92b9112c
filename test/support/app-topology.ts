import { deleteTopology } from './broker';
import { MODULE_QUEUES } from './module-queues';

/**
 * Removes everything the whole app declares under `prefix` with retry delays 100, 200, 400 ms:
 * for suites whose apps run in other processes, where no declarer can say what it made.
 */
export async function deleteAppTopology(prefix: string): Promise<void> {
  await deleteTopology(
    [
      ...Object.values(MODULE_QUEUES).flat(),
      'orderflow.unrouted.kept',
      'orderflow.dead-letters',
      'orderflow.retry.100ms.wait',
      'orderflow.retry.200ms.wait',
      'orderflow.retry.400ms.wait',
    ].map((n) => prefix + n),
    [
      'orderflow.events',
      'orderflow.commands',
      'orderflow.unrouted',
      'orderflow.to-queue',
      'orderflow.dead-letter',
      'orderflow.retry.100ms',
      'orderflow.retry.200ms',
      'orderflow.retry.400ms',
      'orderflow.broadcast.inventory.product-updated',
    ].map((n) => prefix + n),
  );
}
