import type { enInbox } from '../en/inbox.ts';

export const ruInbox: Record<keyof typeof enInbox, string> = {
  // ------------------------------------------------------------------ the bell
  'inbox.bell.label':
    '{count, plural, =0 {Уведомления, непрочитанных нет} one {Уведомления, # непрочитанное} few {Уведомления, # непрочитанных} many {Уведомления, # непрочитанных} other {Уведомления, # непрочитанного}}',
  'inbox.bell.title': 'Уведомления',
  'inbox.bell.empty': 'Пока ничего. Здесь появятся назначенные вам задачи, напоминания и решения.',
  'inbox.bell.openInbox': 'Все уведомления',
  'inbox.bell.settings': 'Настройки',
  'inbox.bell.settingsLabel': 'Настройки уведомлений',

  // ------------------------------------------------------------------ shared
  'inbox.markAllRead': 'Прочитать все',
  'inbox.markRead': 'Прочитано',
  'inbox.markReadLabel': 'Прочитано: «{title}»',
  'inbox.unread': 'Не прочитано',
  'inbox.urgent': 'Срочно',
  'inbox.unreadCount':
    '{count, plural, one {# непрочитанное} few {# непрочитанных} many {# непрочитанных} other {# непрочитанного}}',

  // ------------------------------------------------------------------ the inbox page
  'inbox.title': 'Уведомления',
  'inbox.description': 'Всё, что адресовано вам, сначала новые. Дни — по вашему часовому поясу ({zone}).',
  'inbox.tabs.label': 'Какие уведомления',
  'inbox.tabs.all': 'Все',
  'inbox.tabs.unread': 'Непрочитанные',
  'inbox.day.today': 'Сегодня',
  'inbox.day.yesterday': 'Вчера',
  'inbox.loadMore': 'Показать более ранние',
  'inbox.end': 'Это всё.',
  'inbox.empty.allTitle': 'Уведомлений пока нет',
  'inbox.empty.allText':
    'Когда вам назначат задачу, подойдёт срок или решение будет ждать вас, уведомление появится здесь.',
  'inbox.empty.unreadTitle': 'Всё прочитано',
  'inbox.empty.unreadText': 'Непрочитанных уведомлений нет.',
  'inbox.settingsLink': 'Настройки уведомлений',

  // ------------------------------------------------------------------ settings
  'inbox.settings.title': 'Настройки уведомлений',
  'inbox.settings.description':
    'Выберите, как до вас доходит каждый вид уведомлений. Срочные приходят на почту сразу, остальные ждут ваших рабочих часов.',
  'inbox.settings.kindsTitle': 'Что вы получаете',
  'inbox.settings.kindColumn': 'Уведомление',
  'inbox.settings.deliveryColumn': 'Доставка',
  'inbox.settings.deliveryLabel': 'Доставка: «{kind}»',
  'inbox.settings.mode.all': 'В приложении + почта',
  'inbox.settings.mode.inApp': 'Только в приложении',
  'inbox.settings.mode.off': 'Выключено',
  'inbox.settings.emailUnavailable': 'Почта на этом сервере не настроена',
  'inbox.settings.emailUnavailableText':
    'Пока администратор не настроит почту, уведомления приходят только в приложении.',
  'inbox.settings.digestTitle': 'Ежедневная сводка',
  'inbox.settings.digestText':
    'Одно письмо в начале рабочего дня со всем непрочитанным вместо отдельного письма на каждое несрочное уведомление.',
  'inbox.settings.digestSwitch': 'Присылать ежедневную сводку',
  'inbox.settings.hoursTitle': 'Рабочие часы',
  'inbox.settings.hoursText':
    'Несрочные письма ждут начала ваших рабочих часов. Ваш часовой пояс: {city} ({abbreviation}).',
  'inbox.settings.hoursEdit': 'Изменить рабочие часы',
  'inbox.settings.hoursNone': 'Рабочие дни не заданы.',
  'inbox.settings.save': 'Сохранить настройки',
  'inbox.settings.saved': 'Настройки уведомлений сохранены.',
  'inbox.settings.unsaved': 'Есть несохранённые изменения',

  // ------------------------------------------------------------------ profile
  'inbox.profile.title': 'Уведомления',
  'inbox.profile.text': 'Выберите, что приходит вам в приложении и на почту, и нужна ли ежедневная сводка.',
};
