import { splitMinutes } from '../../../shared/escalation-duration.ts';
import { type Locale, translate } from '../../../shared/i18n/index.ts';
import { marketLabel } from '../../../shared/market-name.ts';
import { escapeHtml } from '../../http/html.ts';
import type { BriefSnapshot } from './publish-version.ts';
import type { SectionData } from './schema.ts';
import type { SectionKey } from './tables.ts';

interface ExportInput {
  /** Names of the people escalation rules name, by user id. */
  people?: Record<string, string>;
  version: number;
  publishedAt: string;
  publishedBy: { name: string };
  snapshot: BriefSnapshot;
}

/** Languages to print: one, or every campaign language side by side. */
export function exportLanguages(snapshot: BriefSnapshot, requested: string): string[] {
  return requested === 'both' ? snapshot.languages : snapshot.languages.filter((l) => l === requested);
}

const uiLocale = (language: string): Locale => (language === 'ru' ? 'ru' : 'en');

const sectionTitle = (key: SectionKey, locale: Locale) => translate(locale, `brief.section.${key}`);

/** Rows of the structured part of a section, as [label, value] cells in the given language. */
function dataRows(
  key: SectionKey,
  raw: unknown,
  language: string,
  people: Record<string, string> = {},
): string[][] {
  const t = uiLocale(language);
  switch (key) {
    case 'objective': {
      const data = raw as SectionData['objective'];
      return data.markets.map((m) => [
        m.marketCode,
        translate(t, `brief.objective.${m.objective}`),
        m.success[language] ?? '',
      ]);
    }
    case 'guardrails': {
      const data = raw as SectionData['guardrails'];
      return data.items.map((item) => [
        translate(t, item.scope === 'fixed' ? 'brief.guardrail.fixed' : 'brief.guardrail.may_vary'),
        item.text[language] ?? '',
        Object.entries(item.marketNotes)
          .map(([code, note]) => `${code}: ${note[language] ?? ''}`)
          .join('; '),
      ]);
    }
    case 'selection_criteria': {
      const data = raw as SectionData['selection_criteria'];
      return data.criteria.map((c) => [c.label[language] ?? '', `${c.weight}`]);
    }
    case 'measurement': {
      const data = raw as SectionData['measurement'];
      return data.markets.flatMap((m) =>
        m.kpis.map((k) => [
          m.marketCode,
          translate(t, `brief.kpi.${k.metric}`),
          String(k.target),
          k.checkpointsDays.map((d) => `+${d}`).join(', '),
        ]),
      );
    }
    case 'escalation': {
      const data = raw as SectionData['escalation'];
      const person = (id: string | null | undefined, label: string | undefined) =>
        (id ? people[id] : undefined) ?? label ?? '';
      return data.rules.map((r) => [
        r.decision[language] ?? '',
        person(r.deciderId, r.deciderLabel),
        translate(t, 'escalation.within', splitMinutes(r.withinMinutes)),
        person(r.nextId, r.nextLabel),
      ]);
    }
    case 'timeline':
      return [];
  }
}

export function briefToMarkdown(input: ExportInput, languages: string[]): string {
  const out: string[] = [];
  for (const language of languages) {
    const t = uiLocale(language);
    const { snapshot } = input;
    out.push(`# ${snapshot.campaign.name} — ${translate(t, 'brief.title')}`, '');
    out.push(
      `${translate(t, 'brief.versionLine', { version: input.version, date: new Date(input.publishedAt), name: input.publishedBy.name })}`,
      '',
    );
    out.push(
      `| ${translate(t, 'brief.market')} | ${translate(t, 'brief.language')} | ${translate(t, 'brief.timeZone')} | ${translate(t, 'brief.objectiveLabel')} |`,
    );
    out.push('| --- | --- | --- | --- |');
    for (const m of snapshot.markets) {
      out.push(
        `| ${marketLabel(m, t)} | ${m.language} | ${m.timeZone} | ${translate(t, `brief.objective.${m.objective as 'awareness'}`)} |`,
      );
    }
    out.push('');
    for (const section of snapshot.sections) {
      out.push(`## ${sectionTitle(section.key, t)}`, '');
      const text = section.texts[language];
      if (text?.stale) out.push(`> ${translate(t, 'brief.staleNote')}`, '');
      out.push(text?.text.trim() || `_${translate(t, 'brief.empty')}_`, '');
      const rows = dataRows(section.key, section.data, language, input.people);
      if (rows.length) {
        for (const row of rows) out.push(`- ${row.filter(Boolean).join(' · ')}`);
        out.push('');
      }
    }
  }
  return `${out.join('\n').trim()}\n`;
}

export function briefToHtml(input: ExportInput, languages: string[]): string {
  const { snapshot } = input;
  const pageLocale = uiLocale(languages[0] ?? 'en');
  const column = (language: string, html: string) => `<div class="col" lang="${language}">${html}</div>`;
  const sections = snapshot.sections
    .map((section) => {
      const cols = languages
        .map((language) => {
          const t = uiLocale(language);
          const text = section.texts[language];
          const rows = dataRows(section.key, section.data, language, input.people);
          const table = rows.length
            ? `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</table>`
            : '';
          return column(
            language,
            `<h2>${escapeHtml(sectionTitle(section.key, t))}</h2>${text?.stale ? `<p class="stale">${escapeHtml(translate(t, 'brief.staleNote'))}</p>` : ''}<div class="text">${
              text?.text.trim()
                ? escapeHtml(text.text)
                : `<em>${escapeHtml(translate(t, 'brief.empty'))}</em>`
            }</div>${table}`,
          );
        })
        .join('');
      return `<section class="row">${cols}</section>`;
    })
    .join('\n');
  const header = languages
    .map((language) => {
      const t = uiLocale(language);
      return column(
        language,
        `<h1>${escapeHtml(snapshot.campaign.name)} — ${escapeHtml(translate(t, 'brief.title'))}</h1><p class="meta">${escapeHtml(
          translate(t, 'brief.versionLine', {
            version: input.version,
            date: new Date(input.publishedAt),
            name: input.publishedBy.name,
          }),
        )}</p><table>${snapshot.markets
          .map(
            (m) =>
              `<tr><td>${escapeHtml(marketLabel(m, t))}</td><td>${escapeHtml(m.timeZone)}</td><td>${escapeHtml(
                translate(t, `brief.objective.${m.objective as 'awareness'}`),
              )}</td></tr>`,
          )
          .join('')}</table>`,
      );
    })
    .join('');
  return `<!doctype html>
<html lang="${pageLocale}"><head><meta charset="utf-8"><title>${escapeHtml(snapshot.campaign.name)} — v${input.version}</title>
<style>
  body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2230; margin: 2rem auto; max-width: ${languages.length > 1 ? '72rem' : '44rem'}; padding: 0 1.5rem; }
  .row { display: grid; grid-template-columns: repeat(${languages.length}, 1fr); gap: 2rem; break-inside: avoid; border-top: 1px solid #e3e6ee; padding-top: .5rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: .75rem 0 .35rem; }
  .meta { color: #5b6275; margin: 0 0 1rem; } .text { white-space: pre-wrap; }
  .stale { color: #9a5b00; background: #fff4e0; padding: .25rem .5rem; border-radius: 4px; font-size: .9em; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92em; } td { border-bottom: 1px solid #eceef3; padding: .25rem .4rem; vertical-align: top; }
  @media print { body { margin: 0; max-width: none; } @page { margin: 16mm; } }
</style></head>
<body><header class="row">${header}</header>
${sections}
</body></html>
`;
}
