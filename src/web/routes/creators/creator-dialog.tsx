import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  type Channel,
  type Creator,
  type CreatorInput,
  createCreator,
  creatorKeys,
  PLATFORM_OPTIONS,
  type Platform,
  updateCreator,
} from '../../api/creators.ts';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { TimeZonePicker } from '../../components/time-zone-picker.tsx';
import { Button, ErrorAlert, Field, Select, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { browserTimeZone } from '../../time/zones.ts';
import { HistoryLink } from '../history-link.tsx';
import { Modal, Textarea } from './bits.tsx';
import { languageName, platformLabel } from './labels.ts';

/** Languages offered for a creator: the app's two first, then the ones creators commonly write in. */
const LANGUAGES = [
  'ru',
  'en',
  'uk',
  'kk',
  'be',
  'uz',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'tr',
  'pl',
  'zh',
  'ja',
  'ko',
  'ar',
];

interface ChannelDraft {
  key: number;
  platform: Platform;
  handle: string;
  url: string;
  followers: string;
  averageViews: string;
  engagementRate: string;
}

let channelKey = 0;
const emptyChannel = (platform: Platform = 'instagram'): ChannelDraft => ({
  key: ++channelKey,
  platform,
  handle: '',
  url: '',
  followers: '',
  averageViews: '',
  engagementRate: '',
});

const toDraft = (channel: Channel): ChannelDraft => ({
  key: ++channelKey,
  platform: channel.platform,
  handle: channel.handle,
  url: channel.url ?? '',
  followers: channel.followers === undefined ? '' : String(channel.followers),
  averageViews: channel.averageViews === undefined ? '' : String(channel.averageViews),
  engagementRate: channel.engagementRate === undefined ? '' : String(channel.engagementRate),
});

/** `1 234,5` (Russian) and `1,234.5` (English) both read as numbers. */
export function readNumber(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  let normal = trimmed.replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(normal)) normal = normal.replaceAll(',', '');
  else normal = normal.replace(',', '.');
  const value = Number(normal);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** Adds a creator to the roster, or edits one: identity, market, zone, contacts, channels, tags. */
export function CreatorDialog({
  creator,
  marketCodes,
  onClose,
  onSaved,
}: {
  creator?: Creator;
  marketCodes: string[];
  onClose: () => void;
  onSaved?: (creator: Creator) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const listId = useId();
  const [name, setName] = useState(creator?.name ?? '');
  const [marketCode, setMarketCode] = useState(creator?.marketCode ?? marketCodes[0] ?? '');
  const [language, setLanguage] = useState(creator?.language ?? locale);
  const [timeZone, setTimeZone] = useState(creator?.timeZone ?? browserTimeZone());
  const [email, setEmail] = useState(creator?.contact.email ?? '');
  const [phone, setPhone] = useState(creator?.contact.phone ?? '');
  const [telegram, setTelegram] = useState(creator?.contact.telegram ?? '');
  const [tags, setTags] = useState((creator?.tags ?? []).join(', '));
  const [notes, setNotes] = useState(creator?.notes ?? '');
  const [channels, setChannels] = useState<ChannelDraft[]>(
    creator ? creator.channels.map(toDraft) : [emptyChannel()],
  );
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const save = useMutation({
    mutationFn: (body: CreatorInput) => (creator ? updateCreator(creator.id, body) : createCreator(body)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: creatorKeys.roster });
      void queryClient.invalidateQueries({ queryKey: ['campaign'] });
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const updateChannel = (key: number, patch: Partial<ChannelDraft>) =>
    setChannels((list) => list.map((c) => (c.key === key ? { ...c, ...patch } : c)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('common.required');
    const code = marketCode.trim().toUpperCase();
    if (!/^[A-Z]{2,8}$/.test(code)) found.marketCode = t('creators.form.marketInvalid');
    if (!timeZone) found.timeZone = t('common.required');
    if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.email = t('common.invalidEmail');
    const parsed: Channel[] = [];
    channels.forEach((c, index) => {
      const blank = !c.handle.trim() && !c.url.trim() && !c.followers.trim() && !c.averageViews.trim();
      if (blank && !c.engagementRate.trim()) return;
      if (!c.handle.trim()) found[`channel${index}.handle`] = t('common.required');
      const followers = readNumber(c.followers);
      const averageViews = readNumber(c.averageViews);
      const engagementRate = readNumber(c.engagementRate);
      if (followers === null) found[`channel${index}.followers`] = t('creators.form.numberInvalid');
      if (averageViews === null) found[`channel${index}.averageViews`] = t('creators.form.numberInvalid');
      if (engagementRate === null || (engagementRate !== undefined && engagementRate > 100))
        found[`channel${index}.engagementRate`] = t('creators.form.percentInvalid');
      if (c.url.trim() && !/^https?:\/\/\S+$/i.test(c.url.trim()))
        found[`channel${index}.url`] = t('creators.form.urlInvalid');
      parsed.push({
        platform: c.platform,
        handle: c.handle.trim(),
        ...(c.url.trim() ? { url: c.url.trim() } : {}),
        ...(typeof followers === 'number' ? { followers: Math.round(followers) } : {}),
        ...(typeof averageViews === 'number' ? { averageViews: Math.round(averageViews) } : {}),
        ...(typeof engagementRate === 'number' ? { engagementRate } : {}),
      });
    });
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate({
      name: name.trim(),
      marketCode: code,
      language,
      timeZone,
      channels: parsed,
      contact: {
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(telegram.trim() ? { telegram: telegram.trim() } : {}),
      },
      notes,
      tags: [
        ...new Set(
          tags
            .split(/[,;|]/)
            .map((tag) => tag.trim())
            .filter(Boolean),
        ),
      ],
    });
  };

  const languages = LANGUAGES.includes(language) ? LANGUAGES : [language, ...LANGUAGES];
  const formId = useId();
  return (
    <Modal
      title={creator ? t('creators.form.editTitle', { name: creator.name }) : t('creators.form.addTitle')}
      description={t('creators.form.description')}
      onClose={onClose}
      size="lg"
      footer={
        <>
          {creator ? (
            <HistoryLink
              entityType="creator"
              entityId={creator.id}
              label={creator.name}
              className="history-link-footer"
            />
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" form={formId} variant="primary" pending={save.isPending}>
            {creator ? t('common.saveChanges') : t('creators.form.addSubmit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="cr-grid-2">
          <Field label={t('common.name')} error={errors.name}>
            {(control) => (
              <TextInput {...control} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            )}
          </Field>
          <Field
            label={t('creators.form.market')}
            hint={t('creators.form.marketHint')}
            error={errors.marketCode}
          >
            {(control) => (
              <>
                <TextInput
                  {...control}
                  value={marketCode}
                  list={listId}
                  onChange={(e) => setMarketCode(e.target.value.toUpperCase())}
                  placeholder="RU"
                  autoComplete="off"
                  maxLength={8}
                />
                <datalist id={listId}>
                  {marketCodes.map((code) => (
                    <option key={code} value={code} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field
            label={t('creators.form.language')}
            hint={t('creators.form.languageHint')}
            error={errors.language}
          >
            {(control) => (
              <Select {...control} value={language} onChange={(e) => setLanguage(e.target.value)}>
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {languageName(code, locale)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t('common.timeZone')} hint={t('creators.form.zoneHint')} error={errors.timeZone}>
            {(control) => <TimeZonePicker {...control} value={timeZone} onChange={setTimeZone} />}
          </Field>
        </div>

        <fieldset className="cr-fieldset">
          <legend>{t('creators.form.channels')}</legend>
          {channels.length === 0 ? <p className="muted">{t('creators.form.noChannels')}</p> : null}
          <ul className="cr-channel-editor">
            {channels.map((channel, index) => (
              <li key={channel.key} className="cr-channel-row">
                <div className="cr-channel-grid">
                  <Field label={t('creators.form.platform')}>
                    {(control) => (
                      <Select
                        {...control}
                        value={channel.platform}
                        onChange={(e) => updateChannel(channel.key, { platform: e.target.value as Platform })}
                      >
                        {PLATFORM_OPTIONS.map((p) => (
                          <option key={p} value={p}>
                            {platformLabel(t, p)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <Field label={t('creators.form.handle')} error={errors[`channel${index}.handle`]}>
                    {(control) => (
                      <TextInput
                        {...control}
                        value={channel.handle}
                        placeholder="@handle"
                        onChange={(e) => updateChannel(channel.key, { handle: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('creators.form.url')} error={errors[`channel${index}.url`]} optional>
                    {(control) => (
                      <TextInput
                        {...control}
                        type="url"
                        value={channel.url}
                        placeholder="https://"
                        onChange={(e) => updateChannel(channel.key, { url: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('creators.form.followers')}
                    error={errors[`channel${index}.followers`]}
                    optional
                  >
                    {(control) => (
                      <TextInput
                        {...control}
                        inputMode="numeric"
                        value={channel.followers}
                        onChange={(e) => updateChannel(channel.key, { followers: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('creators.form.averageViews')}
                    error={errors[`channel${index}.averageViews`]}
                    optional
                  >
                    {(control) => (
                      <TextInput
                        {...control}
                        inputMode="numeric"
                        value={channel.averageViews}
                        onChange={(e) => updateChannel(channel.key, { averageViews: e.target.value })}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('creators.form.engagementRate')}
                    error={errors[`channel${index}.engagementRate`]}
                    optional
                  >
                    {(control) => (
                      <TextInput
                        {...control}
                        inputMode="decimal"
                        value={channel.engagementRate}
                        placeholder="4.2"
                        onChange={(e) => updateChannel(channel.key, { engagementRate: e.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <button
                  type="button"
                  className="icon-button cr-remove"
                  onClick={() => setChannels((list) => list.filter((c) => c.key !== channel.key))}
                  aria-label={t('creators.form.removeChannel', { index: index + 1 })}
                  title={t('creators.form.removeChannel', { index: index + 1 })}
                >
                  <TrashIcon />
                </button>
              </li>
            ))}
          </ul>
          {errors.channels ? <p className="field-error">{errors.channels}</p> : null}
          <div>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setChannels((list) => [...list, emptyChannel()])}
            >
              <PlusIcon />
              {t('creators.form.addChannel')}
            </Button>
          </div>
        </fieldset>

        <fieldset className="cr-fieldset">
          <legend>{t('creators.form.contact')}</legend>
          <div className="cr-grid-3">
            <Field label={t('common.email')} error={errors.email} optional>
              {(control) => (
                <TextInput
                  {...control}
                  type="email"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('creators.form.phone')} optional>
              {(control) => (
                <TextInput {...control} value={phone} onChange={(e) => setPhone(e.target.value)} />
              )}
            </Field>
            <Field label={t('creators.form.telegram')} optional>
              {(control) => (
                <TextInput
                  {...control}
                  value={telegram}
                  placeholder="@name"
                  onChange={(e) => setTelegram(e.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>

        <Field
          label={t('creators.form.tags')}
          hint={t('creators.form.tagsHint')}
          error={errors.tags}
          optional
        >
          {(control) => <TextInput {...control} value={tags} onChange={(e) => setTags(e.target.value)} />}
        </Field>
        <Field label={t('creators.form.notes')} error={errors.notes} optional>
          {(control) => <Textarea {...control} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
      </form>
    </Modal>
  );
}
