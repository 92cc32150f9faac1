// Уведомления (текст собирает сервер на языке получателя). Ключи совпадают с ../en/notifications.ts.
export const ruNotifications = {
  'notification.group.tasks': 'Задачи',
  'notification.group.brief': 'Бриф',
  'notification.group.creators': 'Авторы',
  'notification.group.meetings': 'Встречи',
  'notification.group.imports': 'Импорт',
  'notification.group.launch': 'Запуск',
  'notification.group.escalations': 'Эскалации',
  'notification.group.admin': 'Администрирование',
  'notification.noDue': 'без срока',

  'notification.task.assigned.label': 'Вам назначили задачу',
  'notification.task.assigned.title': '{actorName} назначил(а) вам «{taskTitle}»',
  'notification.task.assigned.body':
    '{campaignName}. {hasDue, select, yes {Срок — {dueAt}.} other {Срок пока не задан.}}',
  'notification.task.due_soon.label': 'Срок вашей задачи — в ближайшие 24 часа',
  'notification.task.due_soon.title': 'Срок «{taskTitle}» — {dueAt}',
  'notification.task.due_soon.body':
    '{campaignName}. Завершите её или перенесите срок, чтобы обе команды знали.',
  'notification.task.overdue.label': 'Задача просрочена',
  'notification.task.overdue.title':
    '{toLead, select, true {Задача «{taskTitle}» ({ownerName}) просрочена} other {Задача «{taskTitle}» просрочена}}',
  'notification.task.overdue.body': '{campaignName}. Срок был {dueAt}.',
  'notification.task.commented.label': 'Комментарий к задаче, за которой вы следите',
  'notification.task.commented.title': '{actorName} прокомментировал(а) «{taskTitle}»',
  'notification.task.commented.body': '{excerpt}',
  'notification.task.mentioned.label': 'Вас упомянули',
  'notification.task.mentioned.title': '{actorName} упомянул(а) вас в «{taskTitle}»',
  'notification.task.mentioned.body': '{excerpt}',

  'notification.brief.acknowledgement_requested.label': 'Нужно ваше подтверждение брифа',
  'notification.brief.acknowledgement_requested.title':
    'Версия {version} брифа «{campaignName}» ждёт вашего подтверждения',
  'notification.brief.acknowledgement_requested.body':
    '{actorName} опубликовал(а) её. Прочитайте и подтвердите за свой рынок.',
  'notification.brief.acknowledgement_reminder.label': 'Напоминание: бриф всё ещё ждёт подтверждения',
  'notification.brief.acknowledgement_reminder.title':
    'Всё ещё ждём: версия {version} брифа «{campaignName}»',
  'notification.brief.acknowledgement_reminder.body': 'Опубликована {publishedAt}, вы её ещё не подтвердили.',
  'notification.brief.text_stale.label': 'Ваш текст устарел',
  'notification.brief.text_stale.title': 'Ваш текст ({language}) раздела «{section}» устарел',
  'notification.brief.text_stale.body':
    '{actorName} изменил(а) парный текст в «{campaignName}». Проверьте перевод.',

  'notification.submission.submitted.label': 'Автор прислал черновик',
  'notification.submission.submitted.title': '{creatorName} прислал(а) черновик, раунд {round}',
  'notification.submission.submitted.body':
    '{campaignName}. По правилам рынка ответ нужен до {feedbackDueAt}.',
  'notification.submission.feedback_reminder.label': 'Напоминание: скоро срок ответа на черновик',
  'notification.submission.feedback_reminder.title':
    'Ответ для {creatorName} (раунд {round}) — до {feedbackDueAt}',
  'notification.submission.feedback_reminder.body':
    '{campaignName}. Прошло три четверти согласованного времени.',
  'notification.submission.feedback_overdue.label': 'Ответ на черновик просрочен',
  'notification.submission.feedback_overdue.title': 'Ответ для {creatorName} (раунд {round}) просрочен',
  'notification.submission.feedback_overdue.body':
    '{campaignName}. Срок был {feedbackDueAt}; {reviewerName, select, none {никто не ответил} other {{reviewerName} не ответил(а)}}.',
  'notification.submission.feedback_given.label': 'Команда ответила на ваш черновик',
  'notification.submission.feedback_given.title':
    '{decision, select, approved {Ваш черновик (раунд {round}) одобрен} other {По вашему черновику (раунд {round}) есть правки}}',
  'notification.submission.feedback_given.body': '{campaignName}. Откройте, чтобы прочитать ответ.',
  'notification.agreement.sent.label': 'Вам отправлено соглашение',
  'notification.agreement.sent.title': 'Соглашение по «{campaignName}» готово к подписанию',
  'notification.agreement.sent.body': 'Версия {version}. Прочитайте и подпишите его в кабинете.',
  'notification.engagement.unsigned_before_go_live.label': 'Автор с «может быть» не подписал до выхода',
  'notification.engagement.unsigned_before_go_live.title':
    '{creatorName} не подписал(а), выход через {days, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
  'notification.engagement.unsigned_before_go_live.body':
    '{campaignName}. Выход {goLiveAt}. «Да» — это «может быть», пока нет подписи.',

  'notification.engagement.respond_by_passed.label': 'Автор не ответил на предложение в срок',
  'notification.engagement.respond_by_passed.title': '{creatorName} не ответил(а) до {respondByAt}',
  'notification.engagement.respond_by_passed.body':
    '{campaignName}. Предложение так и не подписано после срока ответа: напомните или планируйте без этого автора.',
  'notification.meeting.invited.label': 'Приглашение на встречу',
  'notification.meeting.invited.title': 'Приглашение: {meetingTitle}',
  'notification.meeting.invited.body': '{actorName} приглашает вас. Начало {startAt}.',
  'notification.meeting.updated.label': 'Встреча изменилась',
  'notification.meeting.updated.title': 'Изменено: {meetingTitle}',
  'notification.meeting.updated.body': '{actorName} изменил(а) встречу. Теперь начало {startAt}.',
  'notification.meeting.cancelled.label': 'Встреча отменена',
  'notification.meeting.cancelled.title': 'Отменено: {meetingTitle}',
  'notification.meeting.cancelled.body': '{actorName} отменил(а) встречу {startAt}.',

  'notification.import.completed.label': 'Импорт завершён',
  'notification.import.completed.title':
    'Импорт завершён: {rowsImported, plural, one {# строка} few {# строки} many {# строк} other {# строки}}',
  'notification.import.completed.body':
    '{campaignName}, {format}. {rowsRejected, plural, =0 {Отклонённых строк нет.} one {Отклонена # строка.} few {Отклонены # строки.} many {Отклонено # строк.} other {Отклонено # строки.}}',
  'notification.import.failed.label': 'Импорт не удался',
  'notification.import.failed.title': 'Импорт не удался: {format}',
  'notification.import.failed.body': '{campaignName}. {failure}',

  'notification.launch_window.at_risk.label': 'Окно запуска под угрозой',
  'notification.launch_window.at_risk.title': 'Окно запуска под угрозой: {campaignName}',
  'notification.launch_window.at_risk.body':
    'Выходы рынков разнесены на {spreadHours, plural, one {# час} few {# часа} many {# часов} other {# часа}}; предел — {limitHours, plural, one {# час} few {# часа} many {# часов} other {# часа}}.',
  'notification.launch.market_late.label': 'Рынок не вышел к плановому времени',
  'notification.launch.market_late.title': '{marketName}: публикаций ещё нет',
  'notification.launch.market_late.body':
    '{campaignName}. Плановый выход {plannedAt}. Опоздание — {lateMinutes, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}, опубликованного пока нет.',
  'notification.launch_window.breached.label': 'Окно запуска нарушено',
  'notification.launch_window.breached.title': 'Окно запуска нарушено: {campaignName}',
  'notification.launch_window.breached.body':
    'Рынки вышли с разницей {spreadHours, plural, one {# час} few {# часа} many {# часов} other {# часа}}; предел — {limitHours, plural, one {# час} few {# часа} many {# часов} other {# часа}}.',

  'notification.escalation.raised.label': 'Эскалация ждёт вашего решения',
  'notification.escalation.raised.title': 'Решить до {dueAt}: {summary}',
  'notification.escalation.raised.body':
    '{actorName} эскалировал(а) вопрос в «{campaignName}» (уровень {level}).',
  'notification.escalation.handed_over.label': 'Вам передана нерешённая эскалация',
  'notification.escalation.handed_over.title': 'Передано вам, решить до {dueAt}: {summary}',
  'notification.escalation.handed_over.body':
    '{previousName} не решил(а) вовремя. «{campaignName}», уровень {level}.',
  'notification.escalation.expired.label': 'Время на вашу эскалацию истекло',
  'notification.escalation.expired.title':
    '{nextName, select, none {Никто не решил вовремя: {summary}} other {Передано: {nextName} — {summary}}}',
  'notification.escalation.expired.body': '«{campaignName}». Время уровня {level} истекло без решения.',
  'notification.escalation.decided.label': 'По вашей эскалации принято решение',
  'notification.escalation.decided.title': '{deciderName} решил(а): {summary}',
  'notification.escalation.decided.body': '{decision}',

  'notification.webhook.paused.label': 'Вебхук приостановлен',
  'notification.webhook.paused.title': 'Вебхук приостановлен: {url}',
  'notification.webhook.paused.body': '{reason}',
} as const;
