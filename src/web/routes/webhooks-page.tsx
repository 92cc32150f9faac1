import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { keys } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import {
  type CreatedWebhook,
  createWebhook,
  deleteWebhook,
  fetchDeliveries,
  redeliverDelivery,
  testWebhook,
  updateWebhook,
  type Webhook,
  type WebhookDelivery,
  webhookEventsQuery,
  webhookKeys,
  webhooksQuery,
} from '../api/webhooks.ts';
import { PlusIcon, WebhookIcon } from '../components/icons.tsx';
import {
  Badge,
  Button,
  Card,
  CopyField,
  EmptyState,
  ErrorAlert,
  Field,
  Notice,
  PageHeader,
  SkeletonRows,
  TextInput,
} from '../components/ui.tsx';
import { useDocumentTitle } from '../document-title.ts';
import { type Translate, useLocale, useT } from '../i18n/locale.tsx';
import { auditActionLabel, entityTypeLabel } from '../labels.ts';
import { formatInstant } from '../time/format.ts';
import { useFieldErrors } from './forms.ts';

export const isWebhookAdmin = (user: User) => user.role === 'owner' || user.role === 'admin';

const DELIVERY_TONE = { pending: 'warning', delivered: 'success', failed: 'danger' } as const;

function eventsSummary(t: Translate, events: string[]) {
  if (events.includes('*')) return t('webhooks.allEvents');
  if (events.length === 1) return auditActionLabel(t, events[0]!);
  return t('webhooks.eventCount', { count: events.length });
}

function pausedText(t: Translate, hook: Webhook) {
  if (hook.pausedReason === 'delivery_failures')
    return t('webhooks.pausedReason.delivery_failures', { count: hook.consecutiveFailures });
  return t('webhooks.pausedReason.paused_by_admin');
}

/** "All events" or a choice among the audit actions, grouped by the entity they are about. */
function EventPicker({
  all,
  chosen,
  onAll,
  onChosen,
  error,
}: {
  all: boolean;
  chosen: string[];
  onAll: (all: boolean) => void;
  onChosen: (events: string[]) => void;
  error?: string;
}) {
  const t = useT();
  const groups = useQuery(webhookEventsQuery);
  const toggle = (events: string[], on: boolean) =>
    onChosen(on ? [...new Set([...chosen, ...events])] : chosen.filter((event) => !events.includes(event)));
  return (
    <fieldset className={`wh-events${error ? ' field-invalid' : ''}`}>
      <legend className="field-label">{t('webhooks.events')}</legend>
      <label className="wh-choice">
        <input type="radio" name="wh-scope" checked={all} onChange={() => onAll(true)} />
        <span>
          {t('webhooks.allEvents')}
          <span className="field-hint"> — {t('webhooks.allEventsHint')}</span>
        </span>
      </label>
      <label className="wh-choice">
        <input type="radio" name="wh-scope" checked={!all} onChange={() => onAll(false)} />
        <span>{t('webhooks.chosenEvents')}</span>
      </label>
      <ErrorAlert error={groups.error} />
      {!all && groups.data ? (
        <div className="wh-groups">
          {groups.data.map((group) => {
            const name = entityTypeLabel(t, group.entityType);
            const every = group.events.every((event) => chosen.includes(event));
            return (
              <fieldset key={group.entityType} className="wh-group">
                <legend>
                  <label className="wh-check wh-check-group">
                    <input
                      type="checkbox"
                      checked={every}
                      onChange={(event) => toggle(group.events, event.target.checked)}
                      aria-label={t('webhooks.selectGroup', { group: name })}
                    />
                    {name}
                  </label>
                </legend>
                {group.events.map((event) => (
                  <label key={event} className="wh-check">
                    <input
                      type="checkbox"
                      value={event}
                      checked={chosen.includes(event)}
                      onChange={(e) => toggle([event], e.target.checked)}
                    />
                    <span>
                      {auditActionLabel(t, event)} <code className="wh-code">{event}</code>
                    </span>
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function CreateWebhookCard({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors, clearError] = useFieldErrors();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  const create = useMutation({
    mutationFn: () =>
      createWebhook({ url: url.trim(), events: all ? ['*'] : chosen, description: description.trim() }),
    onSuccess: (hook) => {
      setCreated(hook);
      setUrl('');
      setDescription('');
      setChosen([]);
      setAll(true);
      setErrors({});
      onCreated();
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
      void queryClient.invalidateQueries({ queryKey: keys.audit });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!url.trim()) problems.url = t('common.required');
    if (!all && chosen.length === 0) problems.events = t('webhooks.noEventsChosen');
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    create.mutate();
  };

  return (
    <Card title={t('webhooks.createTitle')}>
      <form className="form" onSubmit={submit} noValidate>
        <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} error={errors.url}>
          {(control) => (
            <TextInput
              {...control}
              type="url"
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
                clearError('url');
              }}
              placeholder="https://hooks.example.com/tandem"
              autoComplete="off"
              maxLength={2000}
            />
          )}
        </Field>
        <Field label={t('webhooks.descriptionLabel')} hint={t('webhooks.descriptionHint')} optional>
          {(control) => (
            <TextInput
              {...control}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={500}
            />
          )}
        </Field>
        <EventPicker
          all={all}
          chosen={chosen}
          onAll={(value) => {
            setAll(value);
            clearError('events');
          }}
          onChosen={(value) => {
            setChosen(value);
            clearError('events');
          }}
          error={errors.events}
        />
        <div>
          <Button type="submit" variant="primary" pending={create.isPending}>
            {create.isPending ? null : <PlusIcon />}
            {create.isPending ? t('webhooks.creating') : t('webhooks.create')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={create.error} />
      {created ? (
        <div className="reveal reveal-warning" role="status">
          <p className="reveal-title">{t('webhooks.createdTitle')}</p>
          <p className="reveal-text">{t('webhooks.createdText')}</p>
          <CopyField value={created.secret} label={t('webhooks.secret')} />
          <div>
            <Button size="sm" variant="secondary" onClick={() => setCreated(null)}>
              {t('webhooks.done')}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}

function DeliveryRow({ delivery, me }: { delivery: WebhookDelivery; me: User }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const redeliver = useMutation({
    mutationFn: () => redeliverDelivery(delivery),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(delivery.webhookId) }),
  });
  const label = delivery.event === 'ping' ? 'ping' : auditActionLabel(t, delivery.event);
  return (
    <>
      <tr>
        <td>
          <span className="cell-primary">{label}</span> <code className="wh-code">{delivery.event}</code>
        </td>
        <td>{formatInstant(delivery.createdAt, me.timeZone, locale)}</td>
        <td>
          <Badge tone={DELIVERY_TONE[delivery.status]}>{t(`webhooks.delivery.${delivery.status}`)}</Badge>
        </td>
        <td>{delivery.attempts}</td>
        <td className="wh-result">
          {delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : '—')}
          {delivery.status === 'pending' && delivery.nextAttemptAt ? (
            <div className="muted">
              {t('webhooks.nextAttempt', { at: formatInstant(delivery.nextAttemptAt, me.timeZone, locale) })}
            </div>
          ) : null}
        </td>
        <td className="cell-actions">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={open}
            aria-label={t('webhooks.showBody', { event: delivery.event })}
            onClick={() => setOpen((value) => !value)}
          >
            {t('webhooks.body')}
          </Button>
          {delivery.status !== 'pending' ? (
            <Button
              size="sm"
              variant="ghost"
              pending={redeliver.isPending}
              onClick={() => redeliver.mutate()}
            >
              {t('webhooks.redeliver')}
            </Button>
          ) : null}
        </td>
      </tr>
      {open || redeliver.error ? (
        <tr className="row-detail">
          <td colSpan={6}>
            <ErrorAlert error={redeliver.error} />
            {open ? <pre className="wh-body">{prettyBody(delivery.body)}</pre> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function prettyBody(body: string) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function DeliveriesCard({ hook, me, onClose }: { hook: Webhook; me: User; onClose: () => void }) {
  const t = useT();
  const deliveries = useInfiniteQuery({
    queryKey: webhookKeys.deliveries(hook.id),
    queryFn: ({ pageParam, signal }) => fetchDeliveries(hook.id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 10_000,
  });
  const rows = deliveries.data?.pages.flatMap((page) => page.deliveries) ?? [];
  return (
    <Card
      title={t('webhooks.deliveriesTitle', { url: hook.url })}
      actions={
        <span className="confirm">
          <Button size="sm" variant="secondary" onClick={() => void deliveries.refetch()}>
            {t('webhooks.refresh')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onClose}>
            {t('webhooks.close')}
          </Button>
        </span>
      }
    >
      <ErrorAlert error={deliveries.error} />
      {deliveries.data && rows.length === 0 ? (
        <p className="muted">{t('webhooks.deliveriesEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.colEvent')}</th>
                <th scope="col">{t('webhooks.colCreated')}</th>
                <th scope="col">{t('webhooks.colStatus')}</th>
                <th scope="col">{t('webhooks.colAttempts')}</th>
                <th scope="col">{t('webhooks.colResult')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.isPending ? <SkeletonRows columns={6} rows={3} /> : null}
              {rows.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} me={me} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.hasNextPage ? (
        <Button
          size="sm"
          variant="secondary"
          pending={deliveries.isFetchingNextPage}
          onClick={() => void deliveries.fetchNextPage()}
        >
          {t('webhooks.loadMore')}
        </Button>
      ) : null}
    </Card>
  );
}

export function WebhooksPage({ me }: { me: User }) {
  const t = useT();
  const queryClient = useQueryClient();
  useDocumentTitle(t('nav.webhooks'));
  const hooks = useQuery(webhooksQuery);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [tested, setTested] = useState<string | null>(null);

  const refresh = (id?: string) => {
    void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
    void queryClient.invalidateQueries({ queryKey: keys.audit });
    if (id) void queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(id) });
  };
  const setStatus = useMutation({
    mutationFn: ({ id, status }: { id: string; status: Webhook['status'] }) => updateWebhook(id, { status }),
    onSuccess: (hook) => refresh(hook.id),
  });
  const remove = useMutation({
    mutationFn: deleteWebhook,
    onSuccess: (_, id) => {
      setConfirming(null);
      if (selected === id) setSelected(null);
      refresh();
    },
  });
  const test = useMutation({
    mutationFn: testWebhook,
    onSuccess: (_, id) => {
      setTested(id);
      setSelected(id);
      refresh(id);
    },
  });
  const selectedHook = hooks.data?.find((hook) => hook.id === selected);

  return (
    <>
      <PageHeader title={t('nav.webhooks')} description={t('webhooks.description')} />
      <div className="stack-lg">
        <CreateWebhookCard onCreated={() => setTested(null)} />

        <Card title={t('webhooks.listTitle')}>
          <ErrorAlert error={hooks.error ?? setStatus.error ?? remove.error ?? test.error} />
          {tested ? <Notice tone="success">{t('webhooks.testQueued')}</Notice> : null}
          {hooks.data && hooks.data.length === 0 ? (
            <EmptyState icon={<WebhookIcon width={24} height={24} />} title={t('webhooks.empty')}>
              <p>{t('webhooks.emptyText')}</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('webhooks.colTarget')}</th>
                    <th scope="col">{t('webhooks.colEvents')}</th>
                    <th scope="col">{t('webhooks.colStatus')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {hooks.isPending ? <SkeletonRows columns={4} rows={2} /> : null}
                  {hooks.data?.map((hook) => (
                    <tr key={hook.id}>
                      <td>
                        <div className="cell-primary wh-url">{hook.url}</div>
                        {hook.description ? <div className="muted">{hook.description}</div> : null}
                      </td>
                      <td>{eventsSummary(t, hook.events)}</td>
                      <td>
                        <Badge tone={hook.status === 'active' ? 'success' : 'warning'}>
                          {t(`webhooks.status.${hook.status}`)}
                        </Badge>
                        {hook.status === 'paused' ? <div className="muted">{pausedText(t, hook)}</div> : null}
                        {hook.status === 'active' && hook.consecutiveFailures > 0 ? (
                          <div className="muted">
                            {t('webhooks.failing', { count: hook.consecutiveFailures })}
                          </div>
                        ) : null}
                      </td>
                      <td className="cell-actions">
                        {confirming === hook.id ? (
                          <span className="confirm">
                            <Button
                              size="sm"
                              variant="danger"
                              pending={remove.isPending}
                              onClick={() => remove.mutate(hook.id)}
                            >
                              {t('webhooks.deleteConfirm')}
                            </Button>
                            <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                              {t('common.cancel')}
                            </Button>
                          </span>
                        ) : (
                          <span className="confirm">
                            <Button size="sm" variant="ghost" onClick={() => setSelected(hook.id)}>
                              {t('webhooks.showDeliveries')}
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              pending={test.isPending && test.variables === hook.id}
                              onClick={() => test.mutate(hook.id)}
                            >
                              {t('webhooks.sendTest')}
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              pending={setStatus.isPending && setStatus.variables?.id === hook.id}
                              onClick={() =>
                                setStatus.mutate({
                                  id: hook.id,
                                  status: hook.status === 'active' ? 'paused' : 'active',
                                })
                              }
                            >
                              {hook.status === 'active' ? t('webhooks.pause') : t('webhooks.resume')}
                            </Button>
                            <Button
                              size="sm"
                              variant="ghost"
                              onClick={() => setConfirming(hook.id)}
                              aria-label={t('webhooks.deleteFor', { url: hook.url })}
                            >
                              {t('webhooks.delete')}
                            </Button>
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>

        {selectedHook ? (
          <DeliveriesCard hook={selectedHook} me={me} onClose={() => setSelected(null)} />
        ) : null}
      </div>
    </>
  );
}
