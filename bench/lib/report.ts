// Figures and the table they are printed in. Benchmarks report; they never assert.

export interface Target {
  /** `<` : the figure should stay below `value`; `>` : above. */
  op: '<' | '>';
  value: number;
}

export interface Figure {
  metric: string;
  /** null when the figure could not be measured (see `note`). */
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
}

export interface BenchResult {
  figures: Figure[];
  /** Conditions worth printing under the table (log level, machine, caveats). */
  notes?: string[];
}

/** One benchmark file in bench/ default-exports one of these; register it in bench/run.ts. */
export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Progress lines go to stderr so that stdout holds only the results. */
export function log(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function meets(figure: Figure): boolean | undefined {
  if (!figure.target || figure.value === null) return undefined;
  return figure.target.op === '<' ? figure.value < figure.target.value : figure.value > figure.target.value;
}

export function renderTable(title: string, figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const ok = meets(f);
    return [
      f.metric,
      f.value === null ? 'n/a' : `${formatNumber(f.value)} ${f.unit}`,
      f.target ? `${f.target.op} ${formatNumber(f.target.value)} ${f.unit}` : '',
      ok === undefined ? '' : ok ? 'yes' : 'NO',
      f.note ?? '',
    ];
  });
  const header = ['metric', 'figure', 'target', 'meets', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [`\n${title}`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
