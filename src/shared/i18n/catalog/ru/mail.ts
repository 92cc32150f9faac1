import type { enMail } from '../en/mail.ts';

export const ruMail: Record<keyof typeof enMail, string> = {
  'error.mail_not_configured': 'Почта на этом сервере выключена: сначала задайте SMTP_URL.',
  'mail.greeting': 'Здравствуйте, {name}!',
  'mail.linkFallback': 'Если кнопка не работает, скопируйте этот адрес в браузер:',
  'mail.footer.settings': 'Какие письма присылает Tandem, можно выбрать здесь: {url}',
  'mail.footer.settingsLink': 'Выбрать, какие письма присылает Tandem',
  'mail.footer.sentBy': 'Отправлено из Tandem.',
  'mail.when.both': '{recipient} (ваше время) · {other}',

  'mail.invite.subject': '{inviter} приглашает вас в Tandem',
  'mail.invite.heading': 'Присоединяйтесь к {inviter} в Tandem',
  'mail.invite.body':
    '{inviter} приглашает вас работать вместе в Tandem — общем пространстве кампании на несколько рынков. Примите приглашение, чтобы создать аккаунт.',
  'mail.invite.role': 'Роль',
  'mail.invite.campaign': 'Кампания',
  'mail.invite.markets': 'Рынки',
  'mail.invite.invitedBy': 'Пригласил(а)',
  'mail.invite.expires': 'Действует до',
  'mail.invite.action': 'Принять приглашение',
  'mail.invite.reason':
    'Вы получили это письмо, потому что {inviter} пригласил(а) {email}. Если вы его не ждали, просто не отвечайте: без вашего согласия ничего не произойдёт.',

  'mail.reset.subject': 'Сброс пароля Tandem',
  'mail.reset.heading': 'Выберите новый пароль',
  'mail.reset.body':
    'Кто-то (надеемся, вы) попросил сбросить пароль вашего аккаунта Tandem. Ссылка срабатывает один раз и действует до {until}.',
  'mail.reset.action': 'Выбрать новый пароль',
  'mail.reset.reason':
    'Вы получили это письмо, потому что для {email} запросили сброс пароля. Если это были не вы, ничего не делайте: пароль останется прежним.',

  'mail.meeting.subject.request': 'Приглашение: {title} · {when}',
  'mail.meeting.subject.update': 'Приглашение изменено: {title} · {when}',
  'mail.meeting.subject.cancel': 'Отменено: {title} · {when}',
  'mail.meeting.heading.request': '{organizer} приглашает вас на встречу «{title}»',
  'mail.meeting.heading.update': '{organizer} изменил(а) встречу «{title}»',
  'mail.meeting.heading.cancel': '{organizer} отменил(а) встречу «{title}»',
  'mail.meeting.when': 'Когда',
  'mail.meeting.organizerTime': 'Время организатора',
  'mail.meeting.duration': 'Длительность',
  'mail.meeting.minutes': '{count, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}',
  'mail.meeting.languages': 'Языки',
  'mail.meeting.interpreter': 'Переводчик',
  'mail.meeting.noInterpreter': 'нет',
  'mail.meeting.participants': 'Участники',
  'mail.meeting.calendarHint':
    'Приглашение во вложении (invite.ics): откройте его, чтобы добавить встречу в календарь и ответить.',
  'mail.meeting.cancelHint': 'Откройте вложение (invite.ics), чтобы убрать встречу из календаря.',
  'mail.meeting.action': 'Открыть встречу в Tandem',
  'mail.meeting.reason': 'Вы получили это письмо, потому что участвуете в этой встрече в Tandem.',

  'mail.notification.action': 'Открыть в Tandem',
  'mail.notification.reason': 'Вы получили это письмо согласно вашим настройкам уведомлений в Tandem.',
  'mail.digest.subject':
    'Tandem: {count, plural, one {# новость} few {# новости} many {# новостей} other {# новости}} с прошлой сводки',
  'mail.digest.heading': 'Что произошло с прошлой сводки',
  'mail.digest.action': 'Открыть уведомления',
  'mail.digest.reason':
    'Вы получили это письмо, потому что выбрали ежедневную сводку вместо отдельных писем.',

  'mail.test.subject': 'Проверочное письмо Tandem',
  'mail.test.heading': 'Почта из Tandem работает',
  'mail.test.body':
    'Это письмо прошло через {host} от {from}. Так люди будут получать приглашения и уведомления.',
  'mail.test.reason':
    'Вы получили это письмо, потому что запросили проверочное письмо на странице «Команда».',

  'mail.admin.offTitle': 'Почта выключена',
  'mail.admin.offText':
    'Задайте на сервере SMTP_URL (и MAIL_FROM), чтобы приглашения, сброс пароля, приглашения на встречи и уведомления уходили по почте. Пока этого нет, люди получают уведомления только в приложении.',
  'mail.admin.onTitle': 'Почта',
  'mail.admin.onText': 'Почта уходит через {host} от {from}.',
  'mail.admin.test': 'Отправить мне проверочное письмо',
  'mail.admin.testSent': 'Проверочное письмо для {email} поставлено в очередь.',
};
