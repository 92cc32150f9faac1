import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { type Engagement, updateEngagement } from '../../api/creators.ts';
import { Button, ErrorAlert, Notice, TextInput } from '../../components/ui.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { Link } from '../../router/router.tsx';
import { ScoreBreakdown, Section } from './bits.tsx';
import { refreshEngagement, useConflict } from './conflict.ts';
import { pickText, plainNumber } from './labels.ts';

type Ratings = Record<string, { score: number | null; note: string }>;

const fromEngagement = (engagement: Engagement): Ratings =>
  Object.fromEntries(
    engagement.score.breakdown.map((line) => [
      line.criterionId,
      {
        score: engagement.ratings[line.criterionId]?.score ?? null,
        note: engagement.ratings[line.criterionId]?.note ?? '',
      },
    ]),
  );

/** Ratings 0–5 against each of the brief's selection criteria, with a note; the score follows from them. */
export function RatingsSection({ engagement, canEdit }: { engagement: Engagement; canEdit: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [ratings, setRatings] = useState<Ratings>(() => fromEngagement(engagement));
  const [saved, setSaved] = useState(false);
  const { conflict, clear, handle } = useConflict(engagement.campaignId, engagement.id);

  useEffect(() => {
    if (!editing) setRatings(fromEngagement(engagement));
  }, [engagement, editing]);

  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, { score: number; note: string }> = {};
      for (const [id, rating] of Object.entries(ratings))
        if (rating.score !== null) body[id] = { score: rating.score, note: rating.note.trim() };
      // Ratings of criteria no longer in the brief are kept as they were.
      for (const [id, rating] of Object.entries(engagement.ratings)) if (!(id in ratings)) body[id] = rating;
      return updateEngagement(engagement.id, { version: engagement.version, ratings: body });
    },
    onSuccess: async () => {
      await refreshEngagement(queryClient, engagement.campaignId, engagement.id);
      setEditing(false);
      setSaved(true);
    },
    onError: (error) => void handle(error),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    save.mutate();
  };

  const criteria = engagement.score.breakdown;
  return (
    <Section
      title={t('engagement.ratings.title')}
      description={t('engagement.ratings.description')}
      actions={
        canEdit && criteria.length > 0 && !editing ? (
          <Button
            size="sm"
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            {t('engagement.ratings.edit')}
          </Button>
        ) : null
      }
    >
      {criteria.length === 0 ? (
        <p className="muted">
          {t('engagement.ratings.noCriteria')}{' '}
          <Link to={`/campaigns/${engagement.campaignId}/brief`}>{t('engagement.ratings.toBrief')}</Link>
        </p>
      ) : editing ? (
        <form className="form" onSubmit={submit} noValidate>
          {conflict ? (
            <Notice tone="warning">{t('engagement.conflict.saveAgain')}</Notice>
          ) : (
            <ErrorAlert error={save.error} />
          )}
          <ul className="cr-rating-list">
            {criteria.map((line) => {
              const rating = ratings[line.criterionId] ?? { score: null, note: '' };
              const label = pickText(line.label, locale);
              const set = (patch: Partial<typeof rating>) =>
                setRatings((r) => ({ ...r, [line.criterionId]: { ...rating, ...patch } }));
              return (
                <li key={line.criterionId} className="cr-rating-item">
                  <div className="cr-rating-head">
                    <span className="cr-rating-label">{label}</span>
                    <span className="cr-rating-value">
                      {rating.score === null
                        ? t('engagement.score.notRated')
                        : `${plainNumber(rating.score, locale)} / 5`}
                    </span>
                  </div>
                  <div className="cr-rating-control">
                    <input
                      type="range"
                      min={0}
                      max={5}
                      step={0.5}
                      value={rating.score ?? 0}
                      className={`cr-range${rating.score === null ? ' cr-range-unset' : ''}`}
                      aria-label={t('engagement.ratings.scoreFor', { criterion: label })}
                      aria-valuetext={
                        rating.score === null
                          ? t('engagement.score.notRated')
                          : `${plainNumber(rating.score, locale)} / 5`
                      }
                      onChange={(e) => set({ score: Number(e.target.value) })}
                      onClick={(e) => set({ score: Number(e.currentTarget.value) })}
                    />
                    {rating.score !== null ? (
                      <button
                        type="button"
                        className="link-button cr-rating-clear"
                        onClick={() => set({ score: null })}
                      >
                        {t('engagement.ratings.clear')}
                      </button>
                    ) : null}
                  </div>
                  <TextInput
                    value={rating.note}
                    placeholder={t('engagement.ratings.notePlaceholder')}
                    aria-label={t('engagement.ratings.noteFor', { criterion: label })}
                    onChange={(e) => set({ note: e.target.value })}
                  />
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <Button
              onClick={() => {
                setEditing(false);
                clear();
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="primary" pending={save.isPending}>
              {t('engagement.ratings.save')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {saved ? <p className="saved-note">{t('engagement.ratings.saved')}</p> : null}
          <ScoreBreakdown score={engagement.score} />
        </>
      )}
    </Section>
  );
}
