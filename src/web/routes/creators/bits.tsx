import { type ReactNode, type TextareaHTMLAttributes, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Engagement, ScoreLine } from '../../api/creators.ts';
import { Dialog, type DialogProps } from '../../components/dialog.tsx';
import { ClockIcon, WarningIcon } from '../../components/icons.tsx';
import { useLocale, useT } from '../../i18n/locale.tsx';
import { pickText, plainNumber, statusLabel, statusTone } from './labels.ts';
import './creators.css';

export function Textarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea rows={3} {...props} className={`input cr-textarea ${props.className ?? ''}`} />;
}

/**
 * The shared `Dialog` as the creators screens draw it: their own `cr-modal` styles, their own
 * close label, and a press on the backdrop does not close it (a half-filled form stays).
 */
export function Modal(props: Omit<DialogProps, 'classPrefix' | 'closeLabel' | 'closeOnBackdrop'>) {
  const t = useT();
  return (
    <Dialog {...props} classPrefix="cr-modal" closeLabel={t('creators.close')} closeOnBackdrop={false} />
  );
}

export function StatusPill({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`cr-pill cr-pill-${statusTone(status)}`} data-status={status}>
      <span className="cr-pill-dot" aria-hidden="true" />
      {statusLabel(t, status)}
    </span>
  );
}

/** Until an agreement is signed, any "yes" is a maybe; this says so where the status is shown. */
export function CommitmentBadge({ commitment }: { commitment: string }) {
  const t = useT();
  if (commitment !== 'maybe') return null;
  return (
    <span className="cr-maybe" title={t('engagement.maybeHint')}>
      {t('engagement.maybe')}
    </span>
  );
}

/**
 * The engagement's flags as pills: went live unsigned (loudest), unsigned with go-live ahead,
 * respond-by passed. `className` goes on each pill (a page's own adjustments).
 */
export function FlagBadges({ flags, className }: { flags: readonly string[]; className?: string }) {
  const t = useT();
  const extra = className ? ` ${className}` : '';
  return (
    <>
      {flags.includes('went_live_unsigned') ? (
        <span className={`cr-flag cr-flag-loud${extra}`} data-flag="went_live_unsigned">
          <WarningIcon width={14} height={14} />
          {t('commitUi.flag.went_live_unsigned')}
        </span>
      ) : null}
      {flags.includes('unsigned_close_to_go_live') ? (
        <span
          className={`cr-flag${extra}`}
          data-flag="unsigned_close_to_go_live"
          title={t('engagement.flag.unsignedHint')}
        >
          <WarningIcon width={14} height={14} />
          {t('engagement.flag.unsigned_close_to_go_live')}
        </span>
      ) : null}
      {flags.includes('respond_by_passed') ? (
        <span className={`cr-flag cr-flag-warning${extra}`} data-flag="respond_by_passed">
          <ClockIcon width={14} height={14} />
          {t('commitUi.flag.respond_by_passed')}
        </span>
      ) : null}
    </>
  );
}

/** Score 0–100 with the "why": each brief criterion, its weight, the rating, the note and the points. */
export function ScoreButton({ score, size = 'md' }: { score: Engagement['score']; size?: 'md' | 'lg' }) {
  const t = useT();
  const [locale] = useLocale();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const panelId = useId();

  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      const box = buttonRef.current?.getBoundingClientRect();
      if (!box) return;
      const width = 340;
      const left = Math.max(12, Math.min(box.left, window.innerWidth - width - 12));
      const below = box.bottom + 6;
      const height = panelRef.current?.offsetHeight ?? 260;
      const top = below + height > window.innerHeight - 12 ? Math.max(12, box.top - height - 6) : below;
      setPosition({ top, left });
    };
    place();
    const close = (event: Event) => {
      const target = event.target as Node | null;
      if (target && (panelRef.current?.contains(target) || buttonRef.current?.contains(target))) return;
      setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const value = score.value;
  const tone = value === null ? 'none' : value >= 70 ? 'high' : value >= 40 ? 'mid' : 'low';
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`cr-score cr-score-${tone} cr-score-${size}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={
          value === null ? t('engagement.score.unratedLabel') : t('engagement.score.label', { score: value })
        }
        onClick={() => setOpen((o) => !o)}
      >
        {value === null ? '—' : plainNumber(value, locale)}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={panelId}
          className="cr-popover"
          role="dialog"
          aria-label={t('engagement.score.why')}
          style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
        >
          <ScoreBreakdown score={score} />
        </div>
      ) : null}
    </>
  );
}

export function ScoreBreakdown({ score }: { score: Engagement['score'] }) {
  const t = useT();
  const [locale] = useLocale();
  const totalWeight = score.breakdown.reduce((sum, line) => sum + line.weight, 0);
  return (
    <div className="cr-why">
      <div className="cr-why-head">
        <span className="cr-why-title">{t('engagement.score.why')}</span>
        <span className="cr-why-total">
          {score.value === null
            ? t('engagement.score.unrated')
            : t('engagement.score.outOf', { score: plainNumber(score.value, locale) })}
        </span>
      </div>
      {score.breakdown.length === 0 ? (
        <p className="cr-why-empty">{t('engagement.score.noCriteria')}</p>
      ) : (
        <ul className="cr-why-list">
          {score.breakdown.map((line: ScoreLine) => (
            <li key={line.criterionId}>
              <div className="cr-why-row">
                <span className="cr-why-label">{pickText(line.label, locale)}</span>
                <span className="cr-why-weight">
                  {t('engagement.score.weight', {
                    weight: totalWeight ? Math.round((line.weight / totalWeight) * 100) : 0,
                  })}
                </span>
              </div>
              <div className="cr-why-row">
                <span className="cr-why-rating">
                  <RatingDots value={line.score} />
                  {line.score === null
                    ? t('engagement.score.notRated')
                    : t('engagement.score.rating', { rating: plainNumber(line.score, locale) })}
                </span>
                <span className="cr-why-points">
                  {t('engagement.score.points', {
                    points: plainNumber(Math.round(line.points * 10) / 10, locale),
                  })}
                </span>
              </div>
              {line.note ? <p className="cr-why-note">{line.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {score.breakdown.length > 0 ? <p className="cr-why-foot">{t('engagement.score.formula')}</p> : null}
    </div>
  );
}

function RatingDots({ value }: { value: number | null }) {
  return (
    <span className="cr-dots" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => {
        const fill = value === null ? 0 : Math.max(0, Math.min(1, value - (n - 1)));
        return (
          <span key={n} className="cr-dot">
            <span className="cr-dot-fill" style={{ width: `${fill * 100}%` }} />
          </span>
        );
      })}
    </span>
  );
}

/** A labelled group of facts: `<dl>` with term/value rows. */
export function Facts({ items }: { items: Array<{ term: string; value: ReactNode } | null | false> }) {
  return (
    <dl className="cr-facts">
      {items.filter(Boolean).map((item) => {
        const entry = item as { term: string; value: ReactNode };
        return (
          <div key={entry.term}>
            <dt>{entry.term}</dt>
            <dd>{entry.value}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A section inside a page: title, optional description and actions, then the body. */
export function Section({
  title,
  description,
  actions,
  children,
  id,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = useId();
  return (
    <section className="cr-section" aria-labelledby={headingId} id={id}>
      <header className="cr-section-header">
        <div>
          <h2 className="cr-section-title" id={headingId}>
            {title}
          </h2>
          {description ? <p className="cr-section-description">{description}</p> : null}
        </div>
        {actions ? <div className="cr-section-actions">{actions}</div> : null}
      </header>
      <div className="cr-section-body">{children}</div>
    </section>
  );
}
