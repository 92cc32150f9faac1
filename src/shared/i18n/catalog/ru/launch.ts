// Пульт запуска, проверка подписи и фактический выход в веб-приложении: экран запуска, пост и
// обход проверки на странице автора, «Я опубликовал» в кабинете автора, факт на таймлайне, запас
// времени на запуск в настройках кампании и когда задача выполнена. Ключи совпадают с ../en/launch.ts.
export const ruLaunch = {
  'campaign.tab.launch': 'Запуск',

  'launchUi.title': 'Пульт запуска',
  'launchUi.description':
    'Плановый и фактический выход каждого рынка — во времени каждого рынка и в вашем. Обновляется с каждым постом и каждую минуту.',
  'launchUi.empty.title': 'Запускать пока нечего',
  'launchUi.empty.text':
    'Добавьте на таймлайне веху выхода для каждого рынка — здесь появится обратный отсчёт.',
  'launchUi.toTimeline': 'Открыть таймлайн',

  'launchUi.spreadHours': '{count, plural, one {# час} few {# часа} many {# часов} other {# часа}}',

  'launchUi.window.label': 'Окно запуска',
  'launchUi.window.limit':
    'Все рынки выходят в пределах {limit, plural, one {# часа} few {# часов} many {# часов} other {# часа}} друг от друга',
  'launchUi.window.planned': 'План',
  'launchUi.window.actual': 'Факт',
  'launchUi.window.spread': 'разница {spread}',
  'launchUi.window.noPlan': 'Не у всех рынков есть дата выхода',
  'launchUi.window.waiting': 'Ждём выхода всех рынков',
  'launchUi.window.waitingFor': 'Ждём выхода: {markets}',
  'launchUi.window.ok': 'В пределах окна',
  'launchUi.window.over': 'Окно превышено',

  'launchUi.market.state.no_plan': 'Нет плана',
  'launchUi.market.state.upcoming': 'Впереди',
  'launchUi.market.state.due': 'Пора',
  'launchUi.market.state.late': 'Опаздывает',
  'launchUi.market.state.live': 'Вышел',
  'launchUi.market.planned': 'Плановый выход',
  'launchUi.market.noPlan': 'Для этого рынка выход ещё не запланирован.',
  'launchUi.market.countdown': 'Выход через {duration}',
  'launchUi.market.due': 'Пора выходить: опоздание после {time}',
  'launchUi.market.late': 'Опаздывает на {duration}',
  'launchUi.market.liveOnTime': 'Вышел в {time}, вовремя',
  'launchUi.market.liveLate': 'Вышел в {time} (с опозданием на {duration})',
  'launchUi.market.source.post': 'первый опубликованный пост',
  'launchUi.market.source.milestone': 'веха выхода отмечена выполненной',
  'launchUi.market.creators':
    'Вышли {live, number} из {total, plural, one {# автора} few {# авторов} many {# авторов} other {# автора}}',
  'launchUi.market.you': 'вы',

  'launchUi.creators.title': 'Авторы',
  'launchUi.creators.none': 'В этой кампании пока нет авторов.',
  'launchUi.creators.caption': 'Плановый и фактический выход каждого автора',
  'launchUi.creators.col.creator': 'Автор',
  'launchUi.creators.col.planned': 'План',
  'launchUi.creators.col.posted': 'Опубликовано',
  'launchUi.creators.col.state': 'Состояние',
  'launchUi.creators.col.late': 'Опоздание',
  'launchUi.creators.col.commitment': 'Обязательство',
  'launchUi.creators.state.scheduled': 'По плану',
  'launchUi.creators.state.late': 'Опаздывает',
  'launchUi.creators.state.live': 'Вышел',
  'launchUi.creators.state.out': 'Выбыл',
  'launchUi.creators.notPlanned': 'Не запланирован',
  'launchUi.creators.notPosted': 'Ещё нет',
  'launchUi.creators.onTime': 'Вовремя',
  'launchUi.creators.signed': 'Подписан',
  'launchUi.creators.openPost': 'Пост',

  'launchUi.grace.label': 'Запас на запуск',
  'launchUi.grace.hint':
    'Сколько времени после планового выхода рынок, который ещё не вышел, не считается опоздавшим; потом об этом узнают его лид и владелец кампании.',
  'launchUi.grace.unit': 'Единица',
  'launchUi.grace.minutes': 'минуты',
  'launchUi.grace.hours': 'часы',
  'launchUi.grace.invalid': 'Введите целое число от 0 до 10 080 минут (7 дней).',

  'launchUi.timeline.title': 'Выход: план и факт',
  'launchUi.timeline.description':
    'Фактический выход рынка — его первый опубликованный пост или веха выхода, отмеченная выполненной, что было раньше.',
  'launchUi.timeline.planned': 'План',
  'launchUi.timeline.actual': 'Факт',
  'launchUi.timeline.notYet': 'Ещё не вышел',
  'launchUi.timeline.noPlan': 'Не запланирован',
  'launchUi.timeline.markDone': 'Отметить выполненной',
  'launchUi.timeline.markDoneTitle': 'Отметить «{title}» выполненной',
  'launchUi.timeline.markDoneText':
    'Когда это случилось на самом деле? Для вехи выхода это фактический выход рынка (если пост не вышел раньше).',
  'launchUi.timeline.doneAt': 'Выполнено ({zone})',
  'launchUi.timeline.save': 'Отметить',
  'launchUi.timeline.undo': 'Снять отметку',
  'launchUi.timeline.done': 'Выполнено {when}',

  'launchUi.task.done': 'Выполнена {when}, {name}',
  'launchUi.task.doneNoName': 'Выполнена {when}',
  'launchUi.task.finishedLate': 'закончена на {duration} позже срока',

  'commitUi.section': 'Обязательство и публикация',
  'commitUi.post.none': 'Ещё не опубликован.',
  'commitUi.post.url': 'Ссылка на пост',
  'commitUi.post.urlHint': 'Публичная ссылка на пост (https://…).',
  'commitUi.post.urlInvalid': 'Введите ссылку, начинающуюся с http:// или https://.',
  'commitUi.post.at': 'Когда вышел ({zone})',
  'commitUi.post.atHint': 'Во времени автора ({city}); по умолчанию — сейчас.',
  'commitUi.post.atRequired': 'Укажите, когда пост вышел.',
  'commitUi.post.atFuture': 'Это время ещё не наступило: укажите, когда пост действительно вышел.',
  'commitUi.post.open': 'Открыть пост',
  'commitUi.post.wentLive': 'Вышел',
  'commitUi.post.creatorZone': 'время автора',
  'commitUi.post.yourZone': 'ваше время',
  'commitUi.post.byTeam': 'Внёс(ла) {name}',
  'commitUi.post.byTeamUnknown': 'Внесено командой',
  'commitUi.post.byPortal': 'Внёс автор',
  'commitUi.post.byImport': 'Из импорта',

  'commitUi.gate.title': 'Договор не подписан',
  'commitUi.gate.text':
    '{name} ещё не подписал(а) договор, поэтому «да» пока под вопросом. Перевести в статус «{status}» можно только с подписанным договором.',
  'commitUi.gate.ask': 'Отправьте договор и дождитесь подписи — или продолжите без неё, указав причину.',
  'commitUi.gate.override': 'Продолжить с указанием причины',
  'commitUi.gate.reason': 'Почему продолжаем без подписи?',
  'commitUi.gate.reasonHint': 'Попадёт в журнал и будет видна на странице автора.',
  'commitUi.gate.reasonShort': 'Напишите хотя бы 3 символа.',
  'commitUi.gate.submit': 'Продолжить без подписи',
  'commitUi.gate.back': 'Назад',

  'commitUi.override.title': 'Пропущен дальше без подписанного договора',
  'commitUi.override.by': '{name}, {when}',

  'commitUi.flag.went_live_unsigned': 'Вышел без подписи',
  'commitUi.flag.respond_by_passed': 'Нет ответа к сроку',
  'commitUi.flag.wentLiveBanner': 'Пост вышел без подписанного договора',
  'commitUi.flag.wentLiveText':
    'Публикация уже вышла, а договор не подписан: условия ни к чему не обязывают. Подпишите договор сейчас.',
  'commitUi.flag.respondByBanner': 'Срок ответа прошёл ({when}), а автор так и не подтвердил участие.',

  'commitUi.respondBy.label': 'Ответить до',
  'commitUi.respondBy.hint':
    'Во времени автора ({city}). К этому сроку предложение должно быть принято и подписано.',
  'commitUi.respondBy.none': 'Без срока',
  'commitUi.respondBy.edit': 'Изменить',
  'commitUi.respondBy.set': 'Назначить срок',
  'commitUi.respondBy.save': 'Сохранить',
  'commitUi.respondBy.clear': 'Убрать срок',
  'commitUi.respondBy.cancel': 'Отмена',

  'commitUi.portal.posted': 'Я опубликовал(а)',
  'commitUi.portal.title': 'Ваш пост вышел',
  'commitUi.portal.description': 'Пришлите ссылку и время выхода — команда увидит сразу.',
  'commitUi.portal.submit': 'Отправить',
  'commitUi.portal.yourPost': 'Ваш пост',
} as const;
