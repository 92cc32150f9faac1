import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { campaignKeys, createCampaign } from '../../api/campaigns.ts';
import { ApiError } from '../../api/client.ts';
import { CheckIcon } from '../../components/icons.tsx';
import { Badge, Button, ErrorAlert, PageHeader } from '../../components/ui.tsx';
import { useDocumentTitle } from '../../document-title.ts';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link, navigate } from '../../router/router.tsx';
import { useNow } from '../../time/use-now.ts';
import { describeZone, splitZone } from '../../time/zones.ts';
import { type FieldErrors, hasErrors, useFieldErrors } from '../forms.ts';
import {
  type BasicsDraft,
  BasicsFields,
  checkBasics,
  DEFAULT_LAUNCH_WINDOW_HOURS,
  errorsFromServer,
  parseLaunchWindow,
} from './campaign-form.tsx';
import { currencyName, languageName, marketName } from './market-options.ts';
import {
  checkMarkets,
  DEFAULT_MARKETS,
  type MarketDraft,
  MarketsEditor,
  marketsBody,
} from './markets-editor.tsx';

const STEPS = ['basics', 'markets', 'review'] as const;
type Step = (typeof STEPS)[number];

const BASICS_FIELDS = ['name', 'brand', 'launchWindowHours'];

/** The step that holds the first field with an error (the server may flag any of them). */
function stepOfErrors(errors: FieldErrors): Step | null {
  const fields = Object.keys(errors).filter((field) => errors[field]);
  if (fields.some((field) => BASICS_FIELDS.includes(field))) return 'basics';
  if (fields.some((field) => field === 'markets' || field.startsWith('markets.'))) return 'markets';
  return null;
}

export function NewCampaignPage() {
  const t = useT();
  const queryClient = useQueryClient();
  useDocumentTitle(t('wizard.title'));
  const now = useNow();
  const [step, setStep] = useState<Step>('basics');
  const [basics, setBasics] = useState<BasicsDraft>({
    name: '',
    brand: '',
    launchWindowHours: String(DEFAULT_LAUNCH_WINDOW_HOURS),
  });
  const [markets, setMarkets] = useState<MarketDraft[]>(DEFAULT_MARKETS);
  const [errors, setErrors, clearError] = useFieldErrors();

  const create = useMutation({
    mutationFn: () =>
      createCampaign({
        name: basics.name.trim(),
        brand: basics.brand.trim(),
        launchWindowHours: parseLaunchWindow(basics.launchWindowHours) ?? DEFAULT_LAUNCH_WINDOW_HOURS,
        markets: marketsBody(markets),
      }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(campaign.id), campaign);
      void queryClient.invalidateQueries({ queryKey: campaignKeys.list });
      navigate(`/campaigns/${campaign.id}/brief`);
    },
    onError: (error) => {
      const found = errorsFromServer(error, markets);
      setErrors(found);
      const target = stepOfErrors(found);
      if (target) setStep(target);
    },
  });

  const index = STEPS.indexOf(step);

  const checkStep = (which: Step): FieldErrors =>
    which === 'basics' ? checkBasics(t, basics) : which === 'markets' ? checkMarkets(t, markets) : {};

  const goTo = (target: Step) => {
    // Moving forward checks every step on the way; moving back never blocks.
    const targetIndex = STEPS.indexOf(target);
    for (const passed of STEPS.slice(0, targetIndex)) {
      const found = checkStep(passed);
      if (hasErrors(found)) {
        setErrors(found);
        setStep(passed);
        return;
      }
    }
    setStep(target);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step !== 'review') {
      goTo(STEPS[index + 1] ?? 'review');
      return;
    }
    const found = { ...checkBasics(t, basics), ...checkMarkets(t, markets) };
    if (hasErrors(found)) {
      setErrors(found);
      setStep(stepOfErrors(found) ?? 'basics');
      return;
    }
    create.mutate();
  };

  const serverProblem =
    create.error && !(create.error instanceof ApiError && hasErrors(errorsFromServer(create.error, markets)));
  const fieldProblem = create.error instanceof ApiError && !serverProblem;

  return (
    <>
      <PageHeader title={t('wizard.title')} description={t('wizard.description')} />
      <div className="cp-wizard">
        <ol className="cp-stepper" aria-label={t('wizard.stepsLabel')}>
          {STEPS.map((name, i) => {
            const state = i < index ? 'done' : i === index ? 'current' : 'todo';
            return (
              <li key={name} className={`cp-stepper-step cp-stepper-${state}`}>
                <button
                  type="button"
                  className="cp-stepper-button"
                  onClick={() => goTo(name)}
                  aria-current={state === 'current' ? 'step' : undefined}
                >
                  <span className="cp-stepper-dot" aria-hidden="true">
                    {state === 'done' ? <CheckIcon width={14} height={14} /> : i + 1}
                  </span>
                  <span className="cp-stepper-label">{t(`wizard.step.${name}`)}</span>
                </button>
              </li>
            );
          })}
        </ol>

        <form className="card wizard-card" onSubmit={submit} noValidate>
          <div className="cp-wizard-card-header">
            <p className="cp-wizard-step-count">
              {t('wizard.stepOf', { step: index + 1, total: STEPS.length })}
            </p>
            <h2 className="card-title cp-wizard-title">
              {step === 'basics'
                ? t('wizard.basicsTitle')
                : step === 'markets'
                  ? t('wizard.marketsTitle')
                  : t('wizard.reviewTitle')}
            </h2>
            <p className="card-description">
              {step === 'basics'
                ? t('wizard.basicsText')
                : step === 'markets'
                  ? t('wizard.marketsText')
                  : t('wizard.reviewText')}
            </p>
          </div>
          <div className="card-body">
            {serverProblem ? <ErrorAlert error={create.error} /> : null}
            {fieldProblem && step === 'review' ? <ErrorAlert error={create.error} /> : null}
            {step === 'basics' ? (
              <BasicsFields
                draft={basics}
                onChange={setBasics}
                errors={errors}
                clearError={clearError}
                autoFocus
              />
            ) : null}
            {step === 'markets' ? (
              <MarketsEditor
                markets={markets}
                onChange={setMarkets}
                errors={errors}
                clearError={clearError}
              />
            ) : null}
            {step === 'review' ? <Review basics={basics} markets={markets} now={now} onEdit={goTo} /> : null}
          </div>
          <div className="cp-wizard-footer">
            <Link to="/campaigns" className="button button-ghost">
              {t('wizard.cancel')}
            </Link>
            <div className="cp-wizard-footer-actions">
              {index > 0 ? (
                <Button onClick={() => setStep(STEPS[index - 1] ?? 'basics')}>{t('wizard.back')}</Button>
              ) : null}
              <Button type="submit" variant="primary" pending={create.isPending}>
                {step === 'review'
                  ? create.isPending
                    ? t('wizard.creating')
                    : t('wizard.create')
                  : t('wizard.next')}
              </Button>
            </div>
          </div>
        </form>
      </div>
    </>
  );
}

function Review({
  basics,
  markets,
  now,
  onEdit,
}: {
  basics: BasicsDraft;
  markets: MarketDraft[];
  now: Date;
  onEdit: (step: Step) => void;
}) {
  const t = useT();
  const [locale] = useLocale();
  const hours = parseLaunchWindow(basics.launchWindowHours) ?? DEFAULT_LAUNCH_WINDOW_HOURS;
  const languages = [...new Set(markets.map((m) => m.language))];
  return (
    <div className="cp-review">
      <section className="cp-review-block">
        <div className="cp-review-block-head">
          <h3 className="cp-review-block-title">{t('wizard.step.basics')}</h3>
          <Button variant="ghost" size="sm" onClick={() => onEdit('basics')}>
            {t('wizard.edit')}
          </Button>
        </div>
        <dl className="cp-review-facts">
          <div>
            <dt>{t('wizard.name')}</dt>
            <dd>{basics.name.trim()}</dd>
          </div>
          <div>
            <dt>{t('wizard.brand')}</dt>
            <dd>{basics.brand.trim()}</dd>
          </div>
          <div>
            <dt>{t('wizard.launchWindow')}</dt>
            <dd>{t('campaigns.launchWindow', { count: hours })}</dd>
          </div>
          <div>
            <dt>{t('wizard.review.languages')}</dt>
            <dd className="chips">
              {languages.map((code) => (
                <Badge key={code}>{languageName(code, locale)}</Badge>
              ))}
            </dd>
          </div>
        </dl>
      </section>
      <section className="cp-review-block">
        <div className="cp-review-block-head">
          <h3 className="cp-review-block-title">{t('campaigns.marketsCount', { count: markets.length })}</h3>
          <Button variant="ghost" size="sm" onClick={() => onEdit('markets')}>
            {t('wizard.edit')}
          </Button>
        </div>
        <div className="table-wrap table-wrap-flat">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('wizard.review.market')}</th>
                <th scope="col">{t('wizard.language')}</th>
                <th scope="col">{t('wizard.timeZone')}</th>
                <th scope="col">{t('wizard.currency')}</th>
                <th scope="col">{t('wizard.objective')}</th>
              </tr>
            </thead>
            <tbody>
              {markets.map((market) => {
                const code = market.code.trim().toUpperCase();
                const zone = market.timeZone ? describeZone(market.timeZone, locale, now) : null;
                return (
                  <tr key={market.key}>
                    <td>
                      <div className="cell-primary">
                        <span className="market-code">{code}</span>{' '}
                        {marketName({ code, name: market.name }, locale)}
                      </div>
                    </td>
                    <td>{languageName(market.language, locale)}</td>
                    <td>
                      <div>{splitZone(market.timeZone, locale).city}</div>
                      {zone ? (
                        <div className="cell-secondary">
                          {t('wizard.zoneNow', { time: zone.time, zone: zone.abbreviation })}
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <div>{market.currency}</div>
                      <div className="cell-secondary">{currencyName(market.currency, locale)}</div>
                    </td>
                    <td>
                      <span className={`objective-tag objective-${market.objective}`}>
                        {t(`brief.objective.${market.objective}`)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
