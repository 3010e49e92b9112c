import type { FeatureModuleName } from '../../src/common/config/app-config';

/**
 * Each module's durable queues, as RabbitEventServer names them: commands it is sent, events it
 * subscribes to, requests it answers (broadcast instance queues aside). One list for the e2e
 * suites and the broker-permissions spec, so a new queue is added once.
 */
export const MODULE_QUEUES: Record<FeatureModuleName, string[]> = {
  orders: [
    'orders.inventory-reserved',
    'orders.inventory-rejected',
    'orders.inventory-released',
    'orders.payment-succeeded',
    'orders.payment-failed',
    'orders.payment-refunded',
  ],
  inventory: [
    'inventory.reserve-stock',
    'inventory.release-stock',
    'inventory.commit-stock',
    'inventory.catalog.lookup',
  ],
  billing: ['billing.charge-payment', 'billing.refund-payment'],
  notifications: [
    'notifications.order-confirmed',
    'notifications.order-rejected',
    'notifications.order-cancelled',
  ],
};
