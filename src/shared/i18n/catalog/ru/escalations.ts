// Эскалации: ошибки сервера, подписи журнала и экраны эскалаций. Ключи совпадают с ../en/escalations.ts.
export const ruEscalations = {
  'error.invalid_escalation_person':
    'Правило эскалации должно называть активных людей, которые видят кампанию (не авторов и не отключённые учётные записи).',
  'error.unknown_escalation_rule': 'В брифе нет правила эскалации с таким id.',
  'error.escalation_rule_without_decider':
    'В этом правиле пока некому решать: выберите человека в разделе брифа «Порядок эскалации».',
  'error.unknown_escalation_entity': 'В этой кампании нет объекта «{type}» с таким id.',
  'error.escalation_entity_incomplete': 'Укажите и тип объекта, и его id — или ни того, ни другого.',
  'error.escalation_closed':
    'Эта эскалация уже {status, select, decided {решена} expired {истекла} other {закрыта}}.',
  'audit.action.escalation.raised': 'Эскалация поднята',
  'audit.action.escalation.handed_over': 'Эскалация передана дальше',
  'audit.action.escalation.expired': 'Срок эскалации истёк',
  'audit.action.escalation.decided': 'По эскалации принято решение',
  'audit.entity.escalation': 'Эскалация',
  'escalation.within':
    '{unit, select, days {{count, plural, one {в течение # дня} few {в течение # дней} many {в течение # дней} other {в течение # дня}}} hours {{count, plural, one {в течение # часа} few {в течение # часов} many {в течение # часов} other {в течение # часа}}} other {{count, plural, one {в течение # минуты} few {в течение # минут} many {в течение # минут} other {в течение # минуты}}}}',
  'escalation.duration':
    '{unit, select, days {{count, plural, one {# день} few {# дня} many {# дней} other {# дня}}} hours {{count, plural, one {# час} few {# часа} many {# часов} other {# часа}}} other {{count, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}}}',
  'escalationUi.rule.pickPerson': 'Выберите человека',
  'escalationUi.rule.nobody': 'Никому (эскалация истекает)',
  'escalationUi.rule.legacy': 'раньше: «{label}»',
  'escalationUi.rule.within': 'Срок решения',
  'escalationUi.rule.unit': 'Единица',
  'escalationUi.unit.minutes': 'минут',
  'escalationUi.unit.hours': 'часов',
  'escalationUi.unit.days': 'дней',
  'escalationUi.error.within': 'От 1 минуты до 30 дней, целым числом.',
  'escalationUi.error.sameNext': 'Выберите не того, кто решает первым.',
} as const;
