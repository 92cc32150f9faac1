import { isMessageKey, type MessageKey } from '../shared/i18n/runtime.ts';
import type { Translate } from './i18n/locale.tsx';

const has = (key: string): key is MessageKey => isMessageKey(key);

/** `market_lead` → "Market lead" / "Руководитель рынка"; an unknown role shows as it came. */
export function roleLabel(t: Translate, role: string): string {
  const key = `common.role.${role}`;
  return has(key) ? t(key) : role;
}

/** `invite.created` → "Invitation created"; actions added later show their code until translated. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : action;
}

export function entityTypeLabel(t: Translate, entityType: string): string {
  const key = `audit.entity.${entityType}`;
  return has(key) ? t(key) : entityType;
}

export function languageLabel(t: Translate, locale: string): string {
  const key = `common.languageName.${locale}`;
  return has(key) ? t(key) : locale;
}
