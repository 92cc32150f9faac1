import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  type BriefText,
  campaignKeys,
  confirmSectionText,
  type SectionKey,
  saveSectionText,
} from '../../../api/campaigns.ts';
import { ApiError } from '../../../api/client.ts';
import type { User } from '../../../api/types.ts';
import { AlertIcon, CheckIcon, PencilIcon } from '../../../components/icons.tsx';
import { Markdown } from '../../../components/markdown.tsx';
import { Button, ErrorAlert } from '../../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../../i18n/locale.tsx';
import { formatWhen } from '../../../time/format.ts';
import { languageName } from '../market-options.ts';

interface Theirs {
  text: string;
  revision: number;
  updatedAt: string | null;
}

type Mode =
  | { kind: 'view' }
  | { kind: 'edit'; draft: string; baseRevision: number; baseText: string }
  | { kind: 'conflict'; mine: string; merged: string; theirs: Theirs };

/** "Out of date: the English text changed after this was written." */
export function staleMessage(t: Translate, locale: 'en' | 'ru', text: BriefText): string {
  const [first, ...rest] = text.staleAgainst;
  if (!first) return '';
  if (rest.length > 0) {
    const names = new Intl.ListFormat(locale).format(text.staleAgainst.map((l) => languageName(l, locale)));
    return t('briefUi.staleAgainstMany', { names });
  }
  const name = languageName(first, locale);
  return text.text.trim()
    ? t('briefUi.staleAgainst', { language: first, name })
    : t('briefUi.untranslated', { language: first, name });
}

/** Grows a textarea with its content (up to the CSS max-height). */
function useAutoGrow(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the text changes
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + 2}px`;
  }, [value]);
  return ref;
}

/**
 * One language of one section: the text (Markdown), who changed it last, its stale mark with
 * "Still accurate", and the editor. Saving sends the revision the edit started from; if someone
 * saved in between, the server refuses and both versions are shown side by side to resolve.
 */
export function TextColumn({
  campaignId,
  sectionKey,
  sectionTitle,
  language,
  text,
  markets,
  canEdit,
  me,
  now,
}: {
  campaignId: string;
  sectionKey: SectionKey;
  sectionTitle: string;
  language: string;
  text: BriefText;
  markets: string[];
  canEdit: boolean;
  me: User;
  now: Date;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const name = languageName(language, locale);
  const editorId = useId();

  const save = useMutation({
    mutationFn: (body: { text: string; baseRevision: number; mine: string }) =>
      saveSectionText(campaignId, sectionKey, { language, text: body.text, baseRevision: body.baseRevision }),
    onSuccess: (brief) => {
      queryClient.setQueryData(campaignKeys.brief(campaignId), brief);
      setMode({ kind: 'view' });
    },
    onError: (error, body) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'version_conflict') {
        const theirs = (error.details as { current?: Theirs } | undefined)?.current;
        if (theirs) {
          setMode((current) => ({
            kind: 'conflict',
            mine: body.mine,
            merged: current.kind === 'conflict' ? current.merged : body.mine,
            theirs,
          }));
          save.reset();
          void queryClient.invalidateQueries({ queryKey: campaignKeys.brief(campaignId), exact: true });
        }
      }
    },
  });

  const confirm = useMutation({
    mutationFn: () => confirmSectionText(campaignId, sectionKey, { language, baseRevision: text.revision }),
    onSuccess: (brief) => queryClient.setQueryData(campaignKeys.brief(campaignId), brief),
    onError: () =>
      void queryClient.invalidateQueries({ queryKey: campaignKeys.brief(campaignId), exact: true }),
  });

  const editing = mode.kind === 'edit' ? mode : null;
  const dirty = editing ? editing.draft !== editing.baseText : mode.kind === 'conflict';

  // Leaving the page with unsaved words asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const startEditing = () =>
    setMode({ kind: 'edit', draft: text.text, baseRevision: text.revision, baseText: text.text });

  const submit = () => {
    if (!editing) return;
    if (!dirty) {
      setMode({ kind: 'view' });
      return;
    }
    save.mutate({ text: editing.draft, baseRevision: editing.baseRevision, mine: editing.draft });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && !dirty) {
      event.preventDefault();
      setMode({ kind: 'view' });
    }
  };

  const textareaRef = useAutoGrow(editing?.draft ?? '');
  const mergedRef = useAutoGrow(mode.kind === 'conflict' ? mode.merged : '');

  const header = (
    <div className="cp-text-column-head">
      <div className="cp-text-column-lang">
        <span className="cp-lang-name" lang={language}>
          {name}
        </span>
        {markets.map((code) => (
          <span key={code} className="market-code cp-market-code-sm">
            {code}
          </span>
        ))}
      </div>
      {mode.kind === 'view' && canEdit ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={startEditing}
          aria-label={t('briefUi.editText', { section: sectionTitle, language: name })}
        >
          <PencilIcon width={14} height={14} />
          {t('briefUi.edit')}
        </Button>
      ) : null}
      {editing ? (
        <span className={`cp-dirty-mark${dirty ? ' cp-dirty-mark-on' : ''}`} role="status">
          {dirty ? t('briefUi.unsaved') : t('briefUi.noChanges')}
        </span>
      ) : null}
    </div>
  );

  if (mode.kind === 'conflict') {
    return (
      <fieldset
        className="cp-text-column cp-text-column-conflict"
        aria-label={t('briefUi.conflictGroup', { section: sectionTitle, language: name })}
      >
        {header}
        <div className="cp-conflict" data-testid="conflict">
          <div className="cp-conflict-intro" role="alert">
            <AlertIcon className="alert-icon" />
            <div>
              <p className="alert-title">{t('briefUi.conflictTitle')}</p>
              <p>{t('briefUi.conflictText')}</p>
            </div>
          </div>
          <div className="cp-conflict-versions">
            <section
              className="cp-conflict-version cp-conflict-theirs"
              aria-label={t('briefUi.theirVersion')}
            >
              <h4 className="cp-conflict-version-title">
                {t('briefUi.theirVersion')}
                {mode.theirs.updatedAt ? (
                  <span className="cp-conflict-version-meta">
                    {formatWhen(t, mode.theirs.updatedAt, me.timeZone, locale, now)}
                  </span>
                ) : null}
              </h4>
              <div className="conflict-text">
                {mode.theirs.text ? (
                  <Markdown text={mode.theirs.text} />
                ) : (
                  <p className="muted">{t('briefUi.emptyText')}</p>
                )}
              </div>
            </section>
            <section className="cp-conflict-version cp-conflict-mine" aria-label={t('briefUi.yourVersion')}>
              <h4 className="cp-conflict-version-title">{t('briefUi.yourVersion')}</h4>
              <div className="conflict-text">
                {mode.mine ? (
                  <Markdown text={mode.mine} />
                ) : (
                  <p className="muted">{t('briefUi.emptyText')}</p>
                )}
              </div>
            </section>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${editorId}-merged`}>
              {t('briefUi.mergedLabel')}
            </label>
            <textarea
              id={`${editorId}-merged`}
              ref={mergedRef}
              className="input textarea"
              lang={language}
              value={mode.merged}
              onChange={(event) => setMode({ ...mode, merged: event.target.value })}
            />
            <p className="field-hint">{t('briefUi.mergedHint')}</p>
          </div>
          <ErrorAlert error={save.error} />
          <div className="cp-conflict-actions">
            <Button variant="ghost" onClick={() => setMode({ kind: 'view' })} disabled={save.isPending}>
              {t('briefUi.takeTheirs')}
            </Button>
            <Button
              onClick={() =>
                save.mutate({ text: mode.mine, baseRevision: mode.theirs.revision, mine: mode.mine })
              }
              pending={save.isPending && save.variables?.text === mode.mine}
              disabled={save.isPending}
            >
              {t('briefUi.keepMine')}
            </Button>
            <Button
              variant="primary"
              onClick={() =>
                save.mutate({ text: mode.merged, baseRevision: mode.theirs.revision, mine: mode.merged })
              }
              pending={save.isPending && save.variables?.text === mode.merged && mode.merged !== mode.mine}
              disabled={save.isPending || mode.merged === mode.mine}
            >
              {t('briefUi.saveMerged')}
            </Button>
          </div>
        </div>
      </fieldset>
    );
  }

  const staleText = text.stale ? staleMessage(t, locale, text) : '';
  const changedMeanwhile = editing && text.revision !== editing.baseRevision;

  return (
    <div className={`cp-text-column${editing ? ' cp-text-column-editing' : ''}`}>
      {header}
      {text.stale && !editing ? (
        <div className="cp-stale-mark" role="note">
          <AlertIcon className="cp-stale-icon" width={16} height={16} />
          <span className="cp-stale-text">{staleText}</span>
          {canEdit && text.text.trim() ? (
            <Button
              className="cp-stale-confirm"
              size="sm"
              onClick={() => confirm.mutate()}
              pending={confirm.isPending}
              aria-label={t('briefUi.confirmLabel', { section: sectionTitle, language: name })}
            >
              <CheckIcon width={14} height={14} />
              {t('briefUi.confirm')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ErrorAlert error={confirm.error} />
      {editing ? (
        <div className="cp-text-editor">
          {changedMeanwhile ? (
            <div className="alert alert-warning" role="status">
              <p>{t('briefUi.changedMeanwhile', { name: text.updatedBy?.name ?? '—' })}</p>
            </div>
          ) : null}
          <textarea
            ref={textareaRef}
            className="input textarea"
            lang={language}
            aria-label={t('briefUi.textLabel', { section: sectionTitle, language: name })}
            value={editing.draft}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this text
            autoFocus
            onKeyDown={onKeyDown}
            onChange={(event) => setMode({ ...editing, draft: event.target.value })}
          />
          <ErrorAlert error={save.error} />
          <div className="cp-text-editor-foot">
            <span className="field-hint">{t('briefUi.markdownHint')}</span>
            <div className="cp-text-editor-actions">
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setMode({ kind: 'view' })}
                disabled={save.isPending}
              >
                {t('briefUi.cancel')}
              </Button>
              <Button variant="primary" size="sm" onClick={submit} pending={save.isPending} disabled={!dirty}>
                {save.isPending ? t('briefUi.saving') : t('briefUi.save')}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <>
          {text.text.trim() ? (
            <Markdown text={text.text} className="text-body" />
          ) : canEdit ? (
            <button type="button" className="cp-text-empty cp-text-empty-action" onClick={startEditing}>
              {t('briefUi.startWriting', { language: name })}
            </button>
          ) : (
            <p className="cp-text-empty">{t('briefUi.emptyText')}</p>
          )}
          {text.updatedAt ? (
            <p className="cp-text-meta">
              {t('briefUi.lastEdited', {
                name: text.updatedBy?.name ?? '—',
                when: formatWhen(t, text.updatedAt, me.timeZone, locale, now),
              })}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
