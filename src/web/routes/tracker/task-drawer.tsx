import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { marketName } from '../../../shared/market-name.ts';
import type { Campaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import {
  addTaskComment,
  deleteTask,
  isOverdue,
  setWatching,
  TASK_STATUSES,
  type Task,
  type TaskDetail,
  type TaskPatch,
  type TaskStatus,
  taskQuery,
  trackerKeys,
  updateTask,
} from '../../api/tracker.ts';
import type { TeamMember, User } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { AlertIcon, StatusIcon } from '../../components/icons.tsx';
import { Markdown } from '../../components/markdown.tsx';
import { showToast } from '../../components/toast.tsx';
import { Badge, Button, ErrorAlert, Spinner, useErrorMessage } from '../../components/ui.tsx';
import { type Translate, useLocale, useT } from '../../i18n/locale.tsx';
import { instantLabel, localParts } from '../../time/format.ts';
import { marketZones, splitZone } from '../../time/zones.ts';
import { ItemEscalations } from '../escalations/bits.tsx';
import { HistoryLink } from '../history-link.tsx';
import { Avatar, MarketBadge } from './bits.tsx';
import {
  type Disambiguation,
  DstChoice,
  isDstError,
  LocalTimeField,
  type LocalTimeValue,
  toInstantInput,
  zoneChoices,
} from './local-time.tsx';
import { applyServerTask, findCachedTask, removeTaskEverywhere } from './task-cache.ts';
import { assignable } from './task-create-dialog.tsx';
import { TaskDone } from './task-done.tsx';

type Patch = TaskPatch;

interface Conflict {
  /** What we tried to save, and the task as we had it then. */
  patch: Patch;
  base: Task;
  /** The task as the server has it now (error.details.current). */
  current: Task;
}

const COMPARED: ReadonlyArray<keyof Task> = [
  'title',
  'status',
  'ownerName',
  'marketCode',
  'dueAt',
  'labels',
  'description',
];

/**
 * A task opened from the board or the list (`/campaigns/:id/tasks/:taskId`): a drawer over the
 * tracker with every field editable. Each save carries the version it started from; when
 * someone else saved first (409), the drawer shows what they changed and offers to re-apply ours.
 */
export function TaskDrawer({
  campaign,
  me,
  users,
  taskId,
  canWrite,
  now,
  onClose,
}: {
  campaign: Campaign;
  me: User;
  users: TeamMember[] | undefined;
  taskId: string;
  canWrite: boolean;
  now: Date;
  onClose: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latestClose = useRef(onClose);
  latestClose.current = onClose;
  const cached = findCachedTask(queryClient, campaign.id, taskId);
  const query = useQuery({
    ...taskQuery(campaign.id, taskId),
    placeholderData: cached ? { ...cached, comments: [], watchers: [] } : undefined,
  });
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);

  const task = query.data;

  /** Saves a change made on top of `base`; false when it did not go through. */
  const save = async (patch: Patch, base: Task | undefined = task): Promise<boolean> => {
    if (!base) return false;
    setSaving(true);
    setError(null);
    try {
      const saved = await updateTask(base.id, { ...patch, version: base.version });
      applyServerTask(queryClient, campaign.id, saved);
      void queryClient.invalidateQueries({ queryKey: trackerKeys.myTasks });
      setConflict(null);
      return true;
    } catch (caught) {
      const current = (
        caught instanceof ApiError && caught.status === 409
          ? (caught.details as { current?: Task } | undefined)?.current
          : undefined
      ) as Task | undefined;
      if (current) {
        applyServerTask(queryClient, campaign.id, current);
        setConflict({ patch, base, current });
      } else if (isDstError(caught)) {
        throw caught;
      } else {
        setError(caught);
      }
      return false;
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!task) return;
    try {
      await deleteTask(task.id);
      removeTaskEverywhere(queryClient, campaign.id, task.id);
      void queryClient.invalidateQueries({ queryKey: trackerKeys.lists(campaign.id) });
      showToast(t('tracker.detail.deleted', { number: task.number }), 'success');
      onClose();
    } catch (caught) {
      setConfirmDelete(false);
      setError(caught);
    }
  };

  return (
    <dialog
      ref={ref}
      className="tk-drawer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        latestClose.current();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) {
          const box = ref.current.getBoundingClientRect();
          if (event.clientX < box.left) latestClose.current();
        }
      }}
    >
      <div className="tk-drawer-header">
        <div className="tk-drawer-crumbs">
          {task ? (
            <>
              <span className="tk-task-number">#{task.number}</span>
              <MarketBadge code={task.marketCode} />
              {saving ? <Spinner size="sm" label={t('common.saving')} /> : null}
            </>
          ) : null}
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('tracker.detail.close')}
        >
          <span aria-hidden="true" className="dialog-x">
            ×
          </span>
        </button>
      </div>
      {query.isError && !task ? (
        <div className="tk-drawer-body">
          <h2 className="visually-hidden" id={titleId}>
            {t('tracker.detail.title')}
          </h2>
          <ErrorAlert error={query.error} />
        </div>
      ) : !task ? (
        <div className="tk-drawer-body tk-drawer-loading">
          <h2 className="visually-hidden" id={titleId}>
            {t('tracker.detail.title')}
          </h2>
          <Spinner size="lg" label={t('common.loading')} />
        </div>
      ) : (
        <div className="tk-drawer-body">
          <div className="tk-drawer-main">
            {conflict ? (
              <ConflictNotice
                conflict={conflict}
                users={users}
                pending={saving}
                onReapply={() => void save(conflict.patch, conflict.current)}
                onDiscard={() => setConflict(null)}
              />
            ) : null}
            {error ? <ErrorAlert error={error} /> : null}
            <TitleEditor
              key={`title-${task.id}`}
              task={task}
              titleId={titleId}
              canWrite={canWrite}
              save={save}
            />
            <DescriptionEditor task={task} canWrite={canWrite} save={save} />
            <Comments
              task={query.data as TaskDetail}
              campaignId={campaign.id}
              me={me}
              now={now}
              loading={query.isPlaceholderData}
            />
          </div>
          <aside className="tk-drawer-side" aria-label={t('tracker.detail.properties')}>
            <Property label={t('tracker.field.status')}>
              <span className="tk-select-with-icon">
                <StatusIcon status={task.status} className="tk-select-status-icon" />
                <select
                  className="input select tk-property-input"
                  value={task.status}
                  disabled={!canWrite}
                  aria-label={t('tracker.field.status')}
                  onChange={(event) => void save({ status: event.target.value as TaskStatus })}
                >
                  {TASK_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`tracker.status.${status}`)}
                    </option>
                  ))}
                </select>
              </span>
              <TaskDone task={task} users={users} zone={me.timeZone} />
            </Property>
            <Property label={t('tracker.field.owner')}>
              <select
                className="input select tk-property-input"
                value={task.ownerId}
                disabled={!canWrite}
                aria-label={t('tracker.field.owner')}
                onChange={(event) => void save({ ownerId: event.target.value })}
              >
                {assignable(users).some((user) => user.id === task.ownerId) ? null : (
                  <option value={task.ownerId}>
                    {task.ownerActive
                      ? task.ownerName
                      : t('tracker.ownerDeactivated', { name: task.ownerName })}
                  </option>
                )}
                {assignable(users).map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </select>
            </Property>
            <Property label={t('tracker.field.market')}>
              <select
                className="input select tk-property-input"
                value={task.marketCode ?? ''}
                disabled={!canWrite}
                aria-label={t('tracker.field.market')}
                onChange={(event) => void save({ marketCode: event.target.value || null })}
              >
                <option value="">{t('tracker.market.all')}</option>
                {campaign.markets.map((market) => (
                  <option key={market.code} value={market.code}>
                    {market.code} · {marketName(market, locale)}
                  </option>
                ))}
              </select>
            </Property>
            <Property label={t('tracker.field.labels')}>
              <LabelsEditor task={task} canWrite={canWrite} save={save} />
            </Property>
            <Property label={t('tracker.field.due')}>
              <DueEditor task={task} campaign={campaign} me={me} now={now} canWrite={canWrite} save={save} />
            </Property>
            <Property label={t('tracker.detail.watchers')}>
              <Watchers
                task={query.data as TaskDetail}
                campaignId={campaign.id}
                me={me}
                users={users}
                canWrite={canWrite}
                loading={query.isPlaceholderData}
              />
            </Property>
            <Property label={t('escalationUi.item.heading')}>
              <ItemEscalations
                campaignId={campaign.id}
                entityType="task"
                entityId={task.id}
                label={`#${task.number} ${task.title}`}
              />
            </Property>
            <dl className="tk-drawer-facts">
              <div>
                <dt>{t('tracker.list.created')}</dt>
                <dd>{instantLabel(task.createdAt, me.timeZone, locale, now)}</dd>
              </div>
              <div>
                <dt>{t('tracker.list.updated')}</dt>
                <dd>{instantLabel(task.updatedAt, me.timeZone, locale, now)}</dd>
              </div>
            </dl>
            <HistoryLink
              entityType="task"
              entityId={task.id}
              campaignId={task.campaignId}
              label={task.title}
            />
            {canWrite ? (
              <Button
                variant="ghost"
                size="sm"
                className="tk-drawer-delete"
                onClick={() => setConfirmDelete(true)}
              >
                {t('tracker.detail.delete')}
              </Button>
            ) : null}
          </aside>
        </div>
      )}
      {confirmDelete && task ? (
        <Dialog
          title={t('tracker.detail.deleteTitle', { number: task.number })}
          description={task.title}
          onClose={() => setConfirmDelete(false)}
          footer={
            <>
              <Button onClick={() => setConfirmDelete(false)}>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => void remove()}>
                {t('tracker.detail.deleteConfirm')}
              </Button>
            </>
          }
        >
          <p>{t('tracker.detail.deleteText')}</p>
        </Dialog>
      ) : null}
    </dialog>
  );
}

function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="tk-property">
      <span className="tk-property-label">{label}</span>
      <div className="tk-property-value">{children}</div>
    </div>
  );
}

type Save = (patch: Patch, base?: Task) => Promise<boolean>;

function TitleEditor({
  task,
  titleId,
  canWrite,
  save,
}: {
  task: Task;
  titleId: string;
  canWrite: boolean;
  save: Save;
}) {
  const t = useT();
  const [draft, setDraft] = useState<{ text: string; base: Task } | null>(null);
  useEffect(() => {
    if (draft && task.version !== draft.base.version && task.title === draft.text.trim()) setDraft(null);
  }, [draft, task.version, task.title]);
  const commit = async () => {
    if (!draft) return;
    const text = draft.text.trim();
    if (!text || text === draft.base.title) {
      setDraft(null);
      return;
    }
    if (await save({ title: text }, draft.base)) setDraft(null);
  };
  if (!canWrite) {
    return (
      <h2 className="tk-drawer-title" id={titleId}>
        {task.title}
      </h2>
    );
  }
  return (
    <h2 className="tk-drawer-title" id={titleId}>
      <textarea
        className="tk-drawer-title-input"
        aria-label={t('tracker.field.title')}
        rows={1}
        value={draft?.text ?? task.title}
        onFocus={() => setDraft((current) => current ?? { text: task.title, base: task })}
        onChange={(event) =>
          setDraft({ text: event.target.value.replace(/\n/g, ' '), base: draft?.base ?? task })
        }
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            event.currentTarget.blur();
          }
          if (event.key === 'Escape' && draft) {
            event.preventDefault();
            event.stopPropagation();
            setDraft(null);
            event.currentTarget.blur();
          }
        }}
      />
    </h2>
  );
}

function DescriptionEditor({ task, canWrite, save }: { task: Task; canWrite: boolean; save: Save }) {
  const t = useT();
  const [draft, setDraft] = useState<{ text: string; base: Task } | null>(null);
  const [preview, setPreview] = useState(false);
  const [pending, setPending] = useState(false);
  // Saved by "Apply my change on top" after a conflict: the draft is now the task's text.
  useEffect(() => {
    if (draft && task.version !== draft.base.version && task.description === draft.text) {
      setDraft(null);
      setPreview(false);
    }
  }, [draft, task.version, task.description]);
  const commit = async () => {
    if (!draft) return;
    setPending(true);
    const ok = draft.text === draft.base.description || (await save({ description: draft.text }, draft.base));
    setPending(false);
    if (ok) {
      setDraft(null);
      setPreview(false);
    }
  };
  if (!draft) {
    return (
      <section className="tk-drawer-section">
        <div className="tk-drawer-section-header">
          <h3 className="tk-drawer-section-title">{t('tracker.field.description')}</h3>
          {canWrite ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setDraft({ text: task.description, base: task })}
            >
              {t('tracker.detail.edit')}
            </Button>
          ) : null}
        </div>
        {task.description.trim() ? (
          <Markdown text={task.description} className="drawer-description" />
        ) : (
          <p className="muted">{t('tracker.detail.noDescription')}</p>
        )}
      </section>
    );
  }
  return (
    <section className="tk-drawer-section">
      <div className="tk-drawer-section-header">
        <h3 className="tk-drawer-section-title">{t('tracker.field.description')}</h3>
        <div className="tk-mini-tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={!preview}
            className="tk-mini-tab"
            onClick={() => setPreview(false)}
          >
            {t('tracker.detail.write')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={preview}
            className="tk-mini-tab"
            onClick={() => setPreview(true)}
          >
            {t('tracker.detail.preview')}
          </button>
        </div>
      </div>
      {preview ? (
        <div className="tk-md-preview">
          {draft.text.trim() ? (
            <Markdown text={draft.text} />
          ) : (
            <p className="muted">{t('tracker.detail.noDescription')}</p>
          )}
        </div>
      ) : (
        <textarea
          className="input textarea tk-drawer-description-input"
          aria-label={t('tracker.field.description')}
          // biome-ignore lint/a11y/noAutofocus: opened by the Edit button to type
          autoFocus
          rows={8}
          value={draft.text}
          onChange={(event) => setDraft({ ...draft, text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              void commit();
            }
          }}
        />
      )}
      <div className="tk-drawer-section-actions">
        <span className="field-hint tk-section-actions-hint">{t('tracker.detail.markdownHint')}</span>
        <Button size="sm" onClick={() => setDraft(null)}>
          {t('common.cancel')}
        </Button>
        <Button size="sm" variant="primary" pending={pending} onClick={() => void commit()}>
          {t('common.saveChanges')}
        </Button>
      </div>
    </section>
  );
}

function LabelsEditor({ task, canWrite, save }: { task: Task; canWrite: boolean; save: Save }) {
  const t = useT();
  const [text, setText] = useState('');
  const add = async () => {
    const label = text.trim();
    if (!label || task.labels.includes(label)) {
      setText('');
      return;
    }
    if (await save({ labels: [...task.labels, label] })) setText('');
  };
  return (
    <div className="tk-labels-editor">
      {task.labels.map((label) => (
        <span key={label} className="tk-label-chip tk-label-chip-editable">
          {label}
          {canWrite ? (
            <button
              type="button"
              className="tk-label-chip-remove"
              aria-label={t('tracker.detail.removeLabel', { label })}
              onClick={() => void save({ labels: task.labels.filter((other) => other !== label) })}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
      {canWrite ? (
        <input
          className="tk-labels-editor-input"
          value={text}
          maxLength={40}
          placeholder={t('tracker.detail.addLabel')}
          aria-label={t('tracker.detail.addLabel')}
          onChange={(event) => setText(event.target.value.replace(',', ''))}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              void add();
            }
          }}
          onBlur={() => void add()}
        />
      ) : task.labels.length ? null : (
        <span className="muted">{t('tracker.detail.none')}</span>
      )}
    </div>
  );
}

function DueEditor({
  task,
  campaign,
  me,
  now,
  canWrite,
  save,
}: {
  task: Task;
  campaign: Campaign;
  me: User;
  now: Date;
  canWrite: boolean;
  save: Save;
}) {
  const t = useT();
  const [locale] = useLocale();
  const [editing, setEditing] = useState<LocalTimeValue | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const agreedZone =
    task.dueTimeZone ??
    campaign.markets.find((market) => market.code === task.marketCode)?.timeZone ??
    me.timeZone;

  const start = () => {
    const zone = agreedZone;
    setEditing(task.dueAt ? { ...localParts(task.dueAt, zone), zone } : { date: '', time: '18:00', zone });
    setError(null);
  };

  const submit = async (disambiguation?: Disambiguation) => {
    if (!editing?.date || !editing.time) return;
    setPending(true);
    setError(null);
    try {
      if (await save({ dueAt: toInstantInput(editing, disambiguation) })) setEditing(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  if (editing) {
    return (
      <div className="tk-due-editor">
        <LocalTimeField
          legend={t('tracker.field.due')}
          value={editing}
          onChange={(value) => {
            setEditing(value);
            setError(null);
          }}
          zones={zoneChoices(t, locale, campaign.markets, me.timeZone, editing.zone)}
          previewZones={marketZones(campaign.markets)}
          required
        />
        {isDstError(error) ? (
          <DstChoice
            error={error}
            value={editing}
            pending={pending}
            onChoose={(choice) => void submit(choice)}
          />
        ) : error ? (
          <ErrorAlert error={error} />
        ) : null}
        <div className="tk-due-editor-actions">
          <Button size="sm" onClick={() => setEditing(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            size="sm"
            variant="primary"
            pending={pending}
            disabled={!editing.date || !editing.time}
            onClick={() => void submit()}
          >
            {t('tracker.detail.saveDue')}
          </Button>
        </div>
      </div>
    );
  }

  if (!task.dueAt) {
    return canWrite ? (
      <Button size="sm" variant="ghost" onClick={start}>
        {t('tracker.detail.setDue')}
      </Button>
    ) : (
      <span className="muted">{t('tracker.detail.noDue')}</span>
    );
  }

  const overdue = isOverdue(task, now.getTime());
  const zones = [...new Set([...marketZones(campaign.markets), me.timeZone])].filter(
    (zone) => zone !== agreedZone,
  );
  return (
    <div className="tk-due-detail">
      <p className={`tk-due-agreed${overdue ? ' tk-due-overdue' : ''}`}>
        <span className="due-agreed-time">{instantLabel(task.dueAt, agreedZone, locale, now)}</span>
        {overdue ? <Badge tone="danger">{t('tracker.due.overdue')}</Badge> : null}
      </p>
      <p className="tk-due-agreed-note">
        {t('tracker.detail.asAgreed', { city: splitZone(agreedZone, locale).city })}
      </p>
      <ul className="tk-due-zones">
        {zones.map((zone) => {
          const market = campaign.markets.find((m) => m.timeZone === zone);
          return (
            <li key={zone}>
              <span className="tk-due-zone-name">{market ? market.code : t('tracker.detail.you')}</span>
              <span>{instantLabel(task.dueAt!, zone, locale, now)}</span>
            </li>
          );
        })}
      </ul>
      {canWrite ? (
        <div className="tk-due-detail-actions">
          <Button size="sm" variant="ghost" onClick={start}>
            {t('tracker.detail.changeDue')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void save({ dueAt: null })}>
            {t('tracker.detail.clearDue')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function Watchers({
  task,
  campaignId,
  me,
  users,
  canWrite,
  loading,
}: {
  task: TaskDetail;
  campaignId: string;
  me: User;
  users: TeamMember[] | undefined;
  canWrite: boolean;
  loading: boolean;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const watching = task.watchers.some((watcher) => watcher.id === me.id);
  const others = assignable(users).filter((user) => !task.watchers.some((watcher) => watcher.id === user.id));
  const set = async (userId: string, on: boolean) => {
    try {
      await setWatching(task.id, userId, on);
    } catch (error) {
      showToast(errorMessage(error), 'error');
    }
    void queryClient.invalidateQueries({ queryKey: trackerKeys.task(campaignId, task.id) });
  };
  if (loading) return <Spinner size="sm" />;
  return (
    <div className="watchers">
      <ul className="tk-watcher-list">
        {task.watchers.map((watcher) => (
          <li key={watcher.id}>
            <Avatar name={watcher.name} size="xs" />
            <span className="tk-watcher-name">
              {watcher.id === me.id ? t('tracker.detail.youName', { name: watcher.name }) : watcher.name}
            </span>
            {canWrite || watcher.id === me.id ? (
              <button
                type="button"
                className="tk-label-chip-remove"
                aria-label={t('tracker.detail.removeWatcher', { name: watcher.name })}
                onClick={() => void set(watcher.id, false)}
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <div className="tk-watchers-actions">
        <Button size="sm" variant="ghost" onClick={() => void set(me.id, !watching)}>
          {watching ? t('tracker.detail.unwatch') : t('tracker.detail.watch')}
        </Button>
        {canWrite && others.length ? (
          <select
            className="input select tk-input-sm"
            value=""
            aria-label={t('tracker.detail.addWatcher')}
            onChange={(event) => event.target.value && void set(event.target.value, true)}
          >
            <option value="">{t('tracker.detail.addWatcher')}</option>
            {others.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </div>
  );
}

function Comments({
  task,
  campaignId,
  me,
  now,
  loading,
}: {
  task: TaskDetail;
  campaignId: string;
  me: User;
  now: Date;
  loading: boolean;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!body.trim()) return;
    setPending(true);
    setError(null);
    try {
      const comment = await addTaskComment(task.id, body);
      queryClient.setQueryData<TaskDetail>(trackerKeys.task(campaignId, task.id), (current) =>
        current && !current.comments.some((c) => c.id === comment.id)
          ? { ...current, comments: [...current.comments, comment] }
          : current,
      );
      setBody('');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="tk-drawer-section" aria-label={t('tracker.detail.comments')}>
      <h3 className="tk-drawer-section-title">
        {t('tracker.detail.comments')}
        {!loading && task.comments.length ? (
          <span className="tk-count-pill">{task.comments.length}</span>
        ) : null}
      </h3>
      {loading ? (
        <Spinner size="sm" />
      ) : (
        <ol className="tk-comments">
          {task.comments.map((comment) => (
            <li key={comment.id} className="tk-comment">
              <Avatar name={comment.authorName} size="sm" />
              <div className="tk-comment-content">
                <p className="tk-comment-meta">
                  <span className="tk-comment-author">{comment.authorName}</span>
                  <span className="tk-comment-time">
                    {instantLabel(comment.createdAt, me.timeZone, locale, now)}
                  </span>
                </p>
                <Markdown text={comment.body} className="comment-body" />
              </div>
            </li>
          ))}
        </ol>
      )}
      {me.role !== 'creator' ? (
        <div className="tk-comment-composer">
          <textarea
            className="input textarea"
            rows={2}
            value={body}
            placeholder={t('tracker.detail.commentPlaceholder')}
            aria-label={t('tracker.detail.commentLabel')}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                void submit();
              }
            }}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <div className="tk-comment-composer-actions">
            <span className="field-hint tk-composer-hint">{t('tracker.detail.commentHint')}</span>
            <Button
              size="sm"
              variant="primary"
              pending={pending}
              disabled={!body.trim()}
              onClick={() => void submit()}
            >
              {t('tracker.detail.comment')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function describeValue(
  t: Translate,
  users: TeamMember[] | undefined,
  key: string,
  value: unknown,
  locale: 'en' | 'ru',
): string {
  if (value === null || value === undefined || value === '') return t('tracker.detail.none');
  switch (key) {
    case 'status':
      return t(`tracker.status.${value as TaskStatus}`);
    case 'ownerId':
      return users?.find((user) => user.id === value)?.name ?? String(value);
    case 'marketCode':
      return String(value);
    case 'labels':
      return (value as string[]).length ? (value as string[]).join(', ') : t('tracker.detail.none');
    case 'dueAt':
      if (typeof value === 'string') return instantLabel(value, 'UTC', locale);
      if (typeof value === 'object') {
        const local = value as { local: string; timeZone: string };
        return `${local.local.replace('T', ' ')} ${splitZone(local.timeZone, locale).city}`;
      }
      return String(value);
    default: {
      const text = String(value);
      return text.length > 120 ? `${text.slice(0, 120)}…` : text;
    }
  }
}

const FIELD_LABEL: Record<string, Parameters<Translate>[0]> = {
  title: 'tracker.field.title',
  status: 'tracker.field.status',
  ownerName: 'tracker.field.owner',
  ownerId: 'tracker.field.owner',
  marketCode: 'tracker.field.market',
  dueAt: 'tracker.field.due',
  labels: 'tracker.field.labels',
  description: 'tracker.field.description',
};

/** Someone saved first: what they changed, what we meant to change, and the way forward. */
function ConflictNotice({
  conflict,
  users,
  pending,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  users: TeamMember[] | undefined;
  pending: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const theirs = COMPARED.filter(
    (key) => JSON.stringify(conflict.base[key]) !== JSON.stringify(conflict.current[key]),
  );
  return (
    <div className="alert alert-warning task-conflict" role="alert">
      <AlertIcon className="alert-icon" />
      <div className="tk-task-conflict-body">
        <p className="alert-title">{t('tracker.conflict.title')}</p>
        <p>{t('tracker.conflict.text')}</p>
        <table className="tk-task-conflict-table">
          <tbody>
            {theirs.map((key) => (
              <tr key={`theirs-${key}`}>
                <th scope="row">{t(FIELD_LABEL[key]!)}</th>
                <td>
                  <span className="tk-task-conflict-before">
                    {describeValue(t, users, key, conflict.base[key], locale)}
                  </span>
                  {' → '}
                  <span className="tk-task-conflict-after">
                    {describeValue(t, users, key, conflict.current[key], locale)}
                  </span>
                </td>
              </tr>
            ))}
            {Object.entries(conflict.patch).map(([key, value]) => (
              <tr key={`mine-${key}`} className="tk-task-conflict-mine">
                <th scope="row">
                  {t('tracker.conflict.yours', { field: t(FIELD_LABEL[key] ?? 'tracker.field.title') })}
                </th>
                <td>{describeValue(t, users, key, value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="tk-task-conflict-actions">
          <Button size="sm" variant="primary" pending={pending} onClick={onReapply}>
            {t('tracker.conflict.reapply')}
          </Button>
          <Button size="sm" onClick={onDiscard}>
            {t('tracker.conflict.keepTheirs')}
          </Button>
        </div>
      </div>
    </div>
  );
}
