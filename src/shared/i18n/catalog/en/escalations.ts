// Escalations: server errors, audit labels and the web app's escalation screens. Keys mirror ../ru/escalations.ts.
export const enEscalations = {
  'error.invalid_escalation_person':
    'An escalation rule must name active people who can see the campaign (not creators, not deactivated accounts).',
  'error.unknown_escalation_rule': 'The brief has no escalation rule with this id.',
  'error.escalation_rule_without_decider':
    'This rule has no one who can decide yet: pick a person for it in the brief’s escalation section.',
  'error.unknown_escalation_entity': 'No {type} with this id in this campaign.',
  'error.escalation_entity_incomplete': 'Give both the item type and its id, or neither.',
  'error.escalation_closed':
    'This escalation is already {status, select, decided {decided} expired {expired} other {closed}}.',
  'audit.action.escalation.raised': 'Escalation raised',
  'audit.action.escalation.handed_over': 'Escalation handed over',
  'audit.action.escalation.expired': 'Escalation expired',
  'audit.action.escalation.decided': 'Escalation decided',
  'audit.entity.escalation': 'Escalation',
  'escalation.within':
    '{unit, select, days {{count, plural, one {within # day} other {within # days}}} hours {{count, plural, one {within # hour} other {within # hours}}} other {{count, plural, one {within # minute} other {within # minutes}}}}',
  'escalation.duration':
    '{unit, select, days {{count, plural, one {# day} other {# days}}} hours {{count, plural, one {# hour} other {# hours}}} other {{count, plural, one {# minute} other {# minutes}}}}',
  'escalationUi.rule.pickPerson': 'Pick a person',
  'escalationUi.rule.nobody': 'Nobody (it expires)',
  'escalationUi.rule.legacy': 'was: “{label}”',
  'escalationUi.rule.within': 'Time to decide',
  'escalationUi.rule.unit': 'Unit',
  'escalationUi.unit.minutes': 'minutes',
  'escalationUi.unit.hours': 'hours',
  'escalationUi.unit.days': 'days',
  'escalationUi.error.within': 'A whole number from 1 minute to 30 days.',
  'escalationUi.error.sameNext': 'Pick someone other than the first decider.',
} as const;
