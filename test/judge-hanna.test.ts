import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, SHARED_DATASETS, tempDir } from './helpers/cli.js';

const HANNA = join(SHARED_DATASETS, 'hanna-llm-scores.csv');
const present = existsSync(HANNA);
if (!present) console.warn(`SKIPPED real-data test: ${HANNA} is absent (a clone without ../shared/datasets)`);
const tmp = tempDir('touchstone-hanna-');
afterAll(() => tmp.cleanup());

/** RFC 4180 CSV: quoted fields may hold commas (HANNA's cells are Python lists like "[1, 2, 3]"). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A Python list cell of numbers ("[1, 2.5, nan]") as numbers; nan becomes NaN. */
function pyList(cell: string): number[] {
  return (JSON.parse(cell.replace(/\bnan\b/g, 'null')) as (number | null)[]).map((v) => (v === null ? Number.NaN : v));
}

describe.runIf(present)('real data: HANNA story ratings, ChatGPT as judge (../shared/datasets)', () => {
  const db = join(tmp.dir, 'hanna.duckdb');
  const cli = (args: string[]) => runCli(['--db', db, ...args]);

  it('relevance: 1056 stories, three human raters vs ChatGPT (prompts 1 and 2), calibrated per band', async () => {
    const [header, ...rows] = parseCsv(readFileSync(HANNA, 'utf8')).filter((r) => r.length > 1);
    const col = (name: string): number => {
      const i = (header as string[]).indexOf(name);
      if (i < 0) throw new Error(`HANNA has no column ${name}`);
      return i;
    };
    // Item = (generating system, story index); the three "Human k" columns are the three rater slots.
    const labels: string[] = [];
    const judges: Record<number, string[]> = { 1: [], 2: [] };
    for (const row of rows) {
      const system = row[col('Model')] as string;
      for (const h of [1, 2, 3]) {
        pyList(row[col(`Human ${h} RE`)] as string).forEach((v, s) =>
          labels.push(JSON.stringify({ item_id: `${system}#${s}`, labeler_id: `human${h}`, label: v, labeled_at: '2022-01-01T00:00:00Z' })),
        );
      }
      for (const p of [1, 2]) {
        pyList(row[col(`ChatGPT RE ${p}`)] as string).forEach((v, s) => (judges[p] as string[]).push(JSON.stringify({ item_id: `${system}#${s}`, score: v })));
      }
    }
    expect(labels).toHaveLength(3 * 1056);
    writeFileSync(join(tmp.dir, 'labels.jsonl'), `${labels.join('\n')}\n`);
    for (const p of [1, 2]) writeFileSync(join(tmp.dir, `chatgpt-${p}.jsonl`), `${(judges[p] as string[]).join('\n')}\n`);
    expect((await cli(['ingest', 'labels', join(tmp.dir, 'labels.jsonl'), '--gold', 'hanna-re', '--scale', 'ordinal:1-5', '--pass-threshold', '4'])).code).toBe(0);
    for (const p of [1, 2]) expect((await cli(['ingest', 'judge', join(tmp.dir, `chatgpt-${p}.jsonl`), '--judge', `chatgpt@p${p}`, '--gold', 'hanna-re'])).code).toBe(0);

    const r = await cli(['judge', 'calibrate', '--gold', 'hanna-re', '--judge', 'chatgpt@p1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as {
      n_pairs: number;
      bands: { band: string; n: number; agreement: number; verdict: string }[];
      bands_by_human: { band: string; n: number; agreement: number; verdict: string }[];
      overall: { agreement: number; exact_agreement: number; bias: number; kappa: { value: number }; weighted_kappa: { linear: { value: number }; quadratic: { value: number } }; spearman: { value: number }; kendall_tau_b: { value: number } };
      headline: { worst_band: { view: string; band: string } };
    };
    // Reference (numpy/scikit-learn 1.9.1/scipy 1.17.1 on the same CSV): human = median of the 3 raters,
    // judge point = floor(score + 0.5); agreement |judge − human| ≤ 1 -> 0.6875, exact 0.3390151515151515,
    // mean(judge − human) -0.5456123737373737; cohen_kappa_score(human, point, labels=1..5) 0.10742120329960414,
    // linear 0.24243123277809187, quadratic 0.37255191713577196; spearmanr(judge, human) 0.33648098123436404,
    // kendalltau 0.281091395323846; judge band 5: n 103, agreement 0.6601941747572816;
    // human band 4: n 112, agreement 0.24107142857142858.
    expect(d.n_pairs).toBe(1056);
    expect(d.overall.agreement).toBeCloseTo(0.6875, 12);
    expect(d.overall.exact_agreement).toBeCloseTo(0.3390151515151515, 12);
    expect(d.overall.bias).toBeCloseTo(-0.5456123737373737, 12);
    expect(d.overall.kappa.value).toBeCloseTo(0.10742120329960414, 12);
    expect(d.overall.weighted_kappa.linear.value).toBeCloseTo(0.24243123277809187, 12);
    expect(d.overall.weighted_kappa.quadratic.value).toBeCloseTo(0.37255191713577196, 12);
    expect(d.overall.spearman.value).toBeCloseTo(0.33648098123436404, 12);
    expect(d.overall.kendall_tau_b.value).toBeCloseTo(0.281091395323846, 12);
    expect(d.bands.find((b) => b.band === '5')).toMatchObject({ n: 103 });
    expect(d.bands.find((b) => b.band === '5')?.agreement).toBeCloseTo(0.6601941747572816, 12);
    expect(d.bands_by_human.find((b) => b.band === '4')).toMatchObject({ n: 112, verdict: 'untrusted' });
    expect(d.bands_by_human.find((b) => b.band === '4')?.agreement).toBeCloseTo(0.24107142857142858, 12);
    // What the data shows: ChatGPT's relevance scores are not trusted in any judge-score band at 0.8, and the
    // stories humans rate 4 are where it fails most (it scores them low) — the aggregate 69% hides a 24% band.
    expect(d.bands.every((b) => b.verdict === 'untrusted')).toBe(true);
    expect(d.headline.worst_band).toMatchObject({ view: 'human', band: '4' });

    // Prompt 2 against prompt 1 on the same stories: statsmodels mcnemar([[.., 28], [40, ..]], exact=True)
    // -> p 0.1818100545355934: prompt 2 agrees on 40 stories prompt 1 misses and misses 28 it gets.
    const c = await cli(['judge', 'compare', '--gold', 'hanna-re', '--judge', 'chatgpt@p2', '--against', 'chatgpt@p1', '--json']);
    expect(c.code, c.stderr).toBe(0);
    const cmp = JSON.parse(c.stdout) as { verdict: string; overall: { a_only: number; b_only: number; p_value: number } };
    expect(cmp.overall).toMatchObject({ a_only: 28, b_only: 40 });
    expect(cmp.overall.p_value).toBeCloseTo(0.1818100545355934, 12);
    expect(cmp.verdict).toBe('no_significant_change');
  });
});
