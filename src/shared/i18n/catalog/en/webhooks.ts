// Strings of webhooks: server errors, audit labels and the admin page (webhooks.*). Keys mirror
// ../ru/webhooks.ts exactly (test/i18n-catalogue.test.ts checks).
export const enWebhooks = {
  // ------------------------------------------------------------------ server errors
  'error.webhook_invalid_url':
    'Enter an absolute http:// or https:// address without a user name or password in it.',
  'error.webhook_private_address':
    'This address points into a private network or at this server itself ({host}), so Tandem will not send to it. An administrator can allow private targets with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.',
  'error.webhook_host_not_found': 'The host {host} could not be found. Check the address.',
  'error.webhook_unknown_event':
    '{count, plural, one {Unknown event name: {events}.} other {# unknown event names: {events}.}} Use the names of the audit log (e.g. task.created) or "*" for all events.',
  'error.webhook_delivery_pending':
    'This delivery is still being sent; it can be sent again once it has been delivered or has failed.',

  // ------------------------------------------------------------------ audit log
  'audit.action.webhook.created': 'Webhook added',
  'audit.action.webhook.updated': 'Webhook changed',
  'audit.action.webhook.deleted': 'Webhook deleted',
  'audit.action.webhook.paused': 'Webhook paused',
  'audit.action.webhook.resumed': 'Webhook resumed',
  'audit.action.webhook.tested': 'Webhook test sent',
  'audit.action.webhook.redelivered': 'Webhook delivery sent again',
  'audit.entity.webhook': 'Webhook',

  // ------------------------------------------------------------------ admin page
  'webhooks.description':
    'Tandem posts a signed JSON message to your URL whenever something happens: relay events to Slack, a Telegram bot or your own systems.',
  'webhooks.createTitle': 'Add a webhook',
  'webhooks.url': 'Payload URL',
  'webhooks.urlHint': 'An https:// address that accepts POST requests.',
  'webhooks.descriptionLabel': 'Description',
  'webhooks.descriptionHint': 'Optional: what listens there, for the next admin.',
  'webhooks.events': 'Events',
  'webhooks.allEvents': 'All events',
  'webhooks.allEventsHint': 'Everything in the audit log, including events added in later versions.',
  'webhooks.chosenEvents': 'Only the events I choose',
  'webhooks.selectGroup': 'All of {group}',
  'webhooks.noEventsChosen': 'Choose at least one event.',
  'webhooks.create': 'Add webhook',
  'webhooks.creating': 'Adding…',
  'webhooks.createdTitle': 'Webhook added. Copy its signing secret now',
  'webhooks.createdText':
    'It will not be shown again. Each delivery carries X-Tandem-Signature: sha256= followed by the hex HMAC-SHA256 of the raw body with this secret.',
  'webhooks.secret': 'Signing secret',
  'webhooks.done': 'Done',
  'webhooks.listTitle': 'Webhooks',
  'webhooks.empty': 'No webhooks yet',
  'webhooks.emptyText': 'Add one above to hear about changes as they happen.',
  'webhooks.colTarget': 'Target',
  'webhooks.colEvents': 'Events',
  'webhooks.colStatus': 'Status',
  'webhooks.eventCount': '{count, plural, one {# event} other {# events}}',
  'webhooks.status.active': 'Active',
  'webhooks.status.paused': 'Paused',
  'webhooks.pausedReason.delivery_failures':
    'Paused after {count, plural, one {# delivery} other {# deliveries}} in a row failed',
  'webhooks.pausedReason.paused_by_admin': 'Paused by an administrator',
  'webhooks.failing': '{count, plural, one {# failed delivery} other {# failed deliveries}} in a row',
  'webhooks.pauseNotice':
    '{count, plural, one {# delivery} other {# deliveries}} in a row could not be sent (last: {error}). New events are not recorded for it until an admin resumes it on the Webhooks page.',
  'webhooks.pause': 'Pause',
  'webhooks.resume': 'Resume',
  'webhooks.sendTest': 'Send test',
  'webhooks.testQueued': 'Test delivery queued.',
  'webhooks.showDeliveries': 'Deliveries',
  'webhooks.delete': 'Delete',
  'webhooks.deleteConfirm': 'Delete webhook',
  'webhooks.deleteFor': 'Delete the webhook to {url}',
  'webhooks.deliveriesTitle': 'Deliveries to {url}',
  'webhooks.deliveriesEmpty': 'Nothing sent yet.',
  'webhooks.refresh': 'Refresh',
  'webhooks.loadMore': 'Show older',
  'webhooks.close': 'Close',
  'webhooks.colEvent': 'Event',
  'webhooks.colCreated': 'Created',
  'webhooks.colAttempts': 'Attempts',
  'webhooks.colResult': 'Last result',
  'webhooks.delivery.pending': 'Pending',
  'webhooks.delivery.delivered': 'Delivered',
  'webhooks.delivery.failed': 'Failed',
  'webhooks.nextAttempt': 'Next attempt {at}',
  'webhooks.redeliver': 'Send again',
  'webhooks.body': 'Body',
  'webhooks.showBody': 'Show the body of {event}',
} as const;
