import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Campaign, campaignKeys, type UpdateCampaignBody, updateCampaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Button, ErrorAlert } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { splitZone } from '../../time/zones.ts';
import { hasErrors, useFieldErrors } from '../forms.ts';
import { HistoryLink } from '../history-link.tsx';
import { checkGrace, GraceField, graceDraftOf, graceMinutesOf } from '../launch/grace-field.tsx';
import {
  type BasicsDraft,
  BasicsFields,
  checkBasics,
  errorsFromServer,
  parseLaunchWindow,
} from './campaign-form.tsx';
import {
  checkMarkets,
  draftsFromMarkets,
  type MarketDraft,
  MarketsEditor,
  marketsBody,
} from './markets-editor.tsx';

const basicsOf = (campaign: Campaign): BasicsDraft => ({
  name: campaign.name,
  brand: campaign.brand,
  launchWindowHours: String(campaign.launchWindowHours),
});

const sameMarkets = (drafts: MarketDraft[], campaign: Campaign) =>
  JSON.stringify(marketsBody(drafts)) === JSON.stringify(marketsBody(draftsFromMarkets(campaign.markets)));

/**
 * Name, brand, launch window and markets. The edit carries the version it started from; when
 * someone saved in between, the server refuses (409) and the dialog shows their values beside
 * the user's, to re-apply or drop.
 */
export function CampaignSettingsDialog({ campaign, onClose }: { campaign: Campaign; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(campaign);
  const [basics, setBasics] = useState(() => basicsOf(campaign));
  const [markets, setMarkets] = useState(() => draftsFromMarkets(campaign.markets));
  const [grace, setGrace] = useState(() => graceDraftOf(campaign.launchGraceMinutes));
  const [errors, setErrors, clearError] = useFieldErrors();
  const [conflict, setConflict] = useState<Campaign | null>(null);

  const save = useMutation({
    mutationFn: (version: number) => {
      const body: UpdateCampaignBody = { version };
      if (basics.name.trim() !== base.name) body.name = basics.name.trim();
      if (basics.brand.trim() !== base.brand) body.brand = basics.brand.trim();
      const hours = parseLaunchWindow(basics.launchWindowHours);
      if (hours !== null && hours !== base.launchWindowHours) body.launchWindowHours = hours;
      const graceMinutes = graceMinutesOf(grace);
      if (graceMinutes !== null && graceMinutes !== base.launchGraceMinutes)
        body.launchGraceMinutes = graceMinutes;
      if (!sameMarkets(markets, base)) body.markets = marketsBody(markets);
      return updateCampaign(campaign.id, body);
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(campaignKeys.detail(campaign.id), updated);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.list });
      void queryClient.invalidateQueries({ queryKey: campaignKeys.brief(campaign.id) });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'version_conflict') {
        const current = (error.details as { current?: Campaign } | undefined)?.current;
        if (current) {
          setConflict(current);
          queryClient.setQueryData(campaignKeys.detail(campaign.id), current);
          return;
        }
      }
      setErrors(errorsFromServer(error, markets));
    },
  });

  const dirty =
    basics.name.trim() !== base.name ||
    basics.brand.trim() !== base.brand ||
    basics.launchWindowHours.trim() !== String(base.launchWindowHours) ||
    graceMinutesOf(grace) !== base.launchGraceMinutes ||
    !sameMarkets(markets, base);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...checkBasics(t, basics),
      ...checkMarkets(t, markets),
      launchGraceMinutes: checkGrace(t, grace),
    };
    setErrors(found);
    if (hasErrors(found)) return;
    save.mutate(base.version);
  };

  const keepSaved = () => {
    if (!conflict) return;
    setBase(conflict);
    setBasics(basicsOf(conflict));
    setMarkets(draftsFromMarkets(conflict.markets));
    setGrace(graceDraftOf(conflict.launchGraceMinutes));
    setConflict(null);
    save.reset();
  };

  const formId = 'campaign-settings-form';
  const showGenericError =
    save.error &&
    !(
      save.error instanceof ApiError &&
      (save.error.status === 409 || save.error.code === 'validation_failed')
    );

  return (
    <Dialog
      title={t('campaigns.settings.title')}
      description={t('campaigns.settings.description')}
      onClose={onClose}
      size="lg"
      footer={
        conflict ? (
          <>
            <Button onClick={keepSaved}>{t('campaigns.settings.useTheirs')}</Button>
            <Button variant="primary" pending={save.isPending} onClick={() => save.mutate(conflict.version)}>
              {t('campaigns.settings.reapply')}
            </Button>
          </>
        ) : (
          <>
            <HistoryLink
              entityType="campaign"
              entityId={campaign.id}
              label={campaign.name}
              className="history-link-footer"
            />
            <Button onClick={onClose}>{t('campaigns.cancel')}</Button>
            <Button variant="primary" type="submit" form={formId} pending={save.isPending} disabled={!dirty}>
              {save.isPending ? t('campaigns.saving') : t('campaigns.settings.save')}
            </Button>
          </>
        )
      }
    >
      {conflict ? (
        <ConflictSummary
          current={conflict}
          base={base}
          basics={basics}
          markets={markets}
          error={save.error instanceof ApiError && save.error.status === 409 ? null : save.error}
        />
      ) : (
        <form id={formId} className="form" onSubmit={submit} noValidate>
          {showGenericError ? <ErrorAlert error={save.error} /> : null}
          {save.error instanceof ApiError && save.error.code === 'validation_failed' ? (
            <ErrorAlert error={save.error} />
          ) : null}
          <BasicsFields draft={basics} onChange={setBasics} errors={errors} clearError={clearError} />
          <GraceField
            draft={grace}
            onChange={(next) => {
              setGrace(next);
              clearError('launchGraceMinutes');
            }}
            error={errors.launchGraceMinutes}
          />
          <div className="cp-form-section">
            <h3 className="cp-form-section-title">{t('wizard.marketsTitle')}</h3>
            <p className="cp-form-section-text">{t('campaigns.settings.marketsText')}</p>
          </div>
          <MarketsEditor markets={markets} onChange={setMarkets} errors={errors} clearError={clearError} />
        </form>
      )}
    </Dialog>
  );
}

function ConflictSummary({
  current,
  base,
  basics,
  markets,
  error,
}: {
  current: Campaign;
  base: Campaign;
  basics: BasicsDraft;
  markets: MarketDraft[];
  error: unknown;
}) {
  const t = useT();
  const [locale] = useLocale();
  const describeMarkets = (list: Array<{ code: string; language: string; timeZone: string }>) =>
    list.map((m) => `${m.code} · ${m.language} · ${splitZone(m.timeZone, locale).city}`).join('\n');
  // "Yours" is what re-applying would leave: your value where you changed a field, theirs elsewhere.
  const hours = parseLaunchWindow(basics.launchWindowHours) ?? base.launchWindowHours;
  const rows = [
    {
      label: t('wizard.name'),
      theirs: current.name,
      mine: basics.name.trim() !== base.name ? basics.name.trim() : current.name,
    },
    {
      label: t('wizard.brand'),
      theirs: current.brand,
      mine: basics.brand.trim() !== base.brand ? basics.brand.trim() : current.brand,
    },
    {
      label: t('wizard.launchWindow'),
      theirs: t('campaigns.hours', { count: current.launchWindowHours }),
      mine: t('campaigns.hours', {
        count: hours !== base.launchWindowHours ? hours : current.launchWindowHours,
      }),
    },
    {
      label: t('wizard.marketsTitle'),
      theirs: describeMarkets(current.markets),
      mine: describeMarkets(sameMarkets(markets, base) ? current.markets : marketsBody(markets)),
    },
  ];
  return (
    <div className="stack">
      <div className="alert alert-warning" role="alert">
        <div>
          <p className="alert-title">{t('campaigns.settings.conflictTitle')}</p>
          <p>{t('campaigns.settings.conflictText')}</p>
        </div>
      </div>
      <ErrorAlert error={error} />
      <div className="table-wrap table-wrap-flat">
        <table className="table cp-compare-table">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.settings.field')}</th>
              <th scope="col">{t('campaigns.settings.theirs')}</th>
              <th scope="col">{t('campaigns.settings.yours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.theirs !== row.mine;
              return (
                <tr key={row.label} className={differs ? 'cp-compare-differs' : undefined}>
                  <th scope="row">{row.label}</th>
                  <td className="pre-line">{row.theirs}</td>
                  <td className="pre-line">{row.mine}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
