import type { enWebhooks } from '../en/webhooks.ts';

export const ruWebhooks: Record<keyof typeof enWebhooks, string> = {
  // ------------------------------------------------------------------ server errors
  'error.webhook_invalid_url': 'Укажите полный адрес http:// или https:// без имени пользователя и пароля.',
  'error.webhook_private_address':
    'Этот адрес ведёт во внутреннюю сеть или на сам сервер ({host}), поэтому Tandem не будет туда отправлять. Администратор может разрешить внутренние адреса настройкой WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.',
  'error.webhook_host_not_found': 'Узел {host} не найден. Проверьте адрес.',
  'error.webhook_unknown_event':
    '{count, plural, one {Неизвестное событие: {events}.} few {# неизвестных события: {events}.} many {# неизвестных событий: {events}.} other {# неизвестного события: {events}.}} Используйте имена из журнала изменений (например, task.created) или "*" для всех событий.',
  'error.webhook_delivery_pending':
    'Эта доставка ещё отправляется; повторить её можно, когда она будет доставлена или завершится ошибкой.',

  // ------------------------------------------------------------------ audit log
  'audit.action.webhook.created': 'Вебхук добавлен',
  'audit.action.webhook.updated': 'Вебхук изменён',
  'audit.action.webhook.deleted': 'Вебхук удалён',
  'audit.action.webhook.paused': 'Вебхук приостановлен',
  'audit.action.webhook.resumed': 'Вебхук возобновлён',
  'audit.action.webhook.tested': 'Отправлена проверка вебхука',
  'audit.action.webhook.redelivered': 'Доставка вебхука отправлена повторно',
  'audit.entity.webhook': 'Вебхук',

  // ------------------------------------------------------------------ admin page
  'webhooks.description':
    'Tandem отправляет подписанное JSON-сообщение на ваш адрес, когда что-то происходит: передавайте события в Slack, Telegram-бота или свои системы.',
  'webhooks.createTitle': 'Добавить вебхук',
  'webhooks.url': 'Адрес получателя',
  'webhooks.urlHint': 'Адрес https://, принимающий POST-запросы.',
  'webhooks.descriptionLabel': 'Описание',
  'webhooks.descriptionHint': 'Необязательно: кто там слушает — для следующего администратора.',
  'webhooks.events': 'События',
  'webhooks.allEvents': 'Все события',
  'webhooks.allEventsHint': 'Всё, что попадает в журнал изменений, включая события будущих версий.',
  'webhooks.chosenEvents': 'Только выбранные события',
  'webhooks.selectGroup': 'Все: {group}',
  'webhooks.noEventsChosen': 'Выберите хотя бы одно событие.',
  'webhooks.create': 'Добавить вебхук',
  'webhooks.creating': 'Добавляем…',
  'webhooks.createdTitle': 'Вебхук добавлен. Скопируйте секрет подписи сейчас',
  'webhooks.createdText':
    'Он больше не будет показан. Каждая доставка несёт заголовок X-Tandem-Signature: sha256= и шестнадцатеричный HMAC-SHA256 исходного тела с этим секретом.',
  'webhooks.secret': 'Секрет подписи',
  'webhooks.done': 'Готово',
  'webhooks.listTitle': 'Вебхуки',
  'webhooks.empty': 'Вебхуков пока нет',
  'webhooks.emptyText': 'Добавьте вебхук выше, чтобы узнавать об изменениях сразу.',
  'webhooks.colTarget': 'Получатель',
  'webhooks.colEvents': 'События',
  'webhooks.colStatus': 'Состояние',
  'webhooks.eventCount':
    '{count, plural, one {# событие} few {# события} many {# событий} other {# события}}',
  'webhooks.status.active': 'Работает',
  'webhooks.status.paused': 'Приостановлен',
  'webhooks.pausedReason.delivery_failures':
    'Приостановлен: {count, plural, one {# доставка подряд не удалась} few {# доставки подряд не удались} many {# доставок подряд не удались} other {# доставки подряд не удались}}',
  'webhooks.pausedReason.paused_by_admin': 'Приостановлен администратором',
  'webhooks.failing':
    '{count, plural, one {# неудачная доставка} few {# неудачные доставки} many {# неудачных доставок} other {# неудачной доставки}} подряд',
  'webhooks.pauseNotice':
    '{count, plural, one {# доставку подряд не удалось отправить} few {# доставки подряд не удалось отправить} many {# доставок подряд не удалось отправить} other {# доставки подряд не удалось отправить}} (последняя ошибка: {error}). Новые события для него не записываются, пока администратор не возобновит его на странице «Вебхуки».',
  'webhooks.pause': 'Приостановить',
  'webhooks.resume': 'Возобновить',
  'webhooks.sendTest': 'Проверить',
  'webhooks.testQueued': 'Проверочная доставка поставлена в очередь.',
  'webhooks.showDeliveries': 'Доставки',
  'webhooks.delete': 'Удалить',
  'webhooks.deleteConfirm': 'Удалить вебхук',
  'webhooks.deleteFor': 'Удалить вебхук на {url}',
  'webhooks.deliveriesTitle': 'Доставки на {url}',
  'webhooks.deliveriesEmpty': 'Пока ничего не отправлено.',
  'webhooks.refresh': 'Обновить',
  'webhooks.loadMore': 'Показать более ранние',
  'webhooks.close': 'Закрыть',
  'webhooks.colEvent': 'Событие',
  'webhooks.colCreated': 'Создана',
  'webhooks.colAttempts': 'Попытки',
  'webhooks.colResult': 'Последний результат',
  'webhooks.delivery.pending': 'Ожидает',
  'webhooks.delivery.delivered': 'Доставлена',
  'webhooks.delivery.failed': 'Не доставлена',
  'webhooks.nextAttempt': 'Следующая попытка {at}',
  'webhooks.redeliver': 'Отправить снова',
  'webhooks.body': 'Тело',
  'webhooks.showBody': 'Показать тело события {event}',
};
