import { describe, expect, it } from 'vitest';
import type { DbOrTx } from '../src/server/db/index.ts';
import { AUDIT_ACTIONS, auditCatalogue } from '../src/server/modules/audit/catalogue.ts';
import { decodePayload, encodePayload, recordAuditEvent } from '../src/server/modules/audit/record-event.ts';
import { catalogues, LOCALES, type Locale } from '../src/shared/i18n/index.ts';

const catalogueMap = catalogues as unknown as Record<Locale, Record<string, string>>;
const PREFIX = 'audit.action.';

describe('audit action catalogue', () => {
  it('has a label for every action in every language', () => {
    for (const locale of LOCALES) {
      const missing = AUDIT_ACTIONS.filter((action) => !catalogueMap[locale][`${PREFIX}${action}`]);
      expect(missing, `audit actions without a ${locale} label`).toEqual([]);
    }
  });

  it('has no label for an action that is not in the catalogue', () => {
    for (const locale of LOCALES) {
      const stray = Object.keys(catalogueMap[locale])
        .filter((key) => key.startsWith(PREFIX))
        .map((key) => key.slice(PREFIX.length))
        .filter((action) => !(AUDIT_ACTIONS as string[]).includes(action));
      expect(stray, `${locale} labels for unknown audit actions`).toEqual([]);
    }
  });

  it('gives every action an entity type and schemas for its current payload version', () => {
    for (const action of AUDIT_ACTIONS) {
      const entry = auditCatalogue[action];
      expect(entry.entityType, action).toMatch(/^[a-z_]+$/);
      const versions: Record<number, unknown> = entry.versions;
      expect(versions[entry.version], action).toBeDefined();
    }
  });

  it('stores the payload version inside the JSON and reads the payload back unchanged', () => {
    const cases = [
      ['task.created', null, { id: 't1', title: 'A task' }],
      ['task.updated', { title: 'Old' }, { title: 'New' }],
      ['task.updated', {}, {}],
      ['task.deleted', { id: 't1', title: 'A task' }, null],
      ['session.ended', null, null],
    ] as const;
    for (const [action, before, after] of cases) {
      const stored = encodePayload(action, before, after);
      expect(stored.after ?? stored.before).toMatchObject({ v: 1 });
      expect(decodePayload(action, stored.before, stored.after)).toEqual({ version: 1, before, after });
    }
    // Events written before payloads had versions are version 1, as they were.
    expect(decodePayload('task.created', null, { id: 't1', title: 'A task' })).toEqual({
      version: 1,
      before: null,
      after: { id: 't1', title: 'A task' },
    });
  });

  it('turns a wrong action name or payload shape into a type error (checked by tsc)', () => {
    // Never called: the @ts-expect-error lines fail `tsc --noEmit` if the mistake stops being one.
    const typeChecks = async (tx: DbOrTx) => {
      const actor = null;
      await recordAuditEvent(tx, {
        actor,
        action: 'task.created',
        entityType: 'task',
        entityId: 'x',
        after: { id: 'x', title: 'T' },
      });
      // @ts-expect-error an action that is not in the catalogue
      await recordAuditEvent(tx, { actor, action: 'task.exploded', entityType: 'task', entityId: 'x' });
      await recordAuditEvent(tx, {
        actor,
        action: 'task.created',
        entityType: 'task',
        entityId: 'x',
        // @ts-expect-error a payload without the required title
        after: { id: 'x' },
      });
      await recordAuditEvent(tx, {
        actor,
        action: 'task.commented',
        // @ts-expect-error the wrong entity type for the action
        entityType: 'meeting',
        entityId: 'x',
        after: { body: 'b' },
      });
      await recordAuditEvent(tx, {
        actor,
        action: 'session.ended',
        entityType: 'user',
        entityId: 'x',
        // @ts-expect-error a payload on a side the action does not write
        before: { a: 1 },
      });
    };
    expect(typeof typeChecks).toBe('function');
  });
});
