import { Box } from 'ink';
import type { ProvenanceReport, SkewFlag, VerifyReport } from '@touchstone/core/schemas';
import { CapabilityView } from '../components/CapabilityView.js';
import { Field } from '../components/Field.js';
import { KeyHints } from '../components/KeyHints.js';
import { LoadState } from '../components/LoadState.js';
import { Tone } from '../components/Tone.js';
import { describeScale } from '../format/describe-scale.js';
import { fitCell } from '../format/layout-columns.js';
import { count, pct } from '../format/numbers.js';
import { useAudit } from '../hooks/use-audit.js';
import { useResource } from '../hooks/use-resource.js';
import { driftHeadline, driftTrend } from '../views/drift-lines.js';
import { judgeHeadline } from '../views/judge-lines.js';
import { agreementLine, flagLine, flagsByImpact } from '../views/skew-summary.js';
import type { ScreenProps } from './screen-props.js';

// Rows above the share bars at most: provenance 5, integrity, agreement, skew 1 + 3 flags, drift 2, judge.
const SUMMARY_ROWS = 15;
const TOP_FLAGS = 3;

/** Gold set health at a glance: provenance, integrity, and the skew, drift and judge headlines. */
export function OverviewScreen({ width, height }: ScreenProps) {
  const { source } = useAudit();
  const prov = useResource('provenance', () => source.provenance());
  const integrity = useResource('verify', () => source.verify());
  const skew = useResource('skew', () => source.skew());
  const drift = useResource('drift', () => source.drift());
  const judge = useResource('judge', () => source.judge());
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" flexGrow={1}>
        <LoadState loaded={prov} label="reading provenance">
          {(p) => <ProvenanceRows p={p} scale={describeScale(source.scale)} />}
        </LoadState>
        <Field name="Integrity">
          <LoadState loaded={integrity} label="recomputing the hash chain">
            {(v) => <IntegrityRow v={v} />}
          </LoadState>
        </Field>
        <Field name="Agreement">
          <CapabilityView loaded={skew} label="computing labeler skew" brief>
            {(r) => <Tone>{agreementLine(r)}</Tone>}
          </CapabilityView>
        </Field>
        <Field name="Skew">
          <CapabilityView loaded={skew} label="computing labeler skew" brief>
            {(r) => <SkewRows flags={flagsByImpact(r.flags)} />}
          </CapabilityView>
        </Field>
        <Field name="Drift">
          <CapabilityView loaded={drift} label="reading drift checks" brief>
            {(d) => (
              <>
                <Tone tone={d.report.status === 'alert' ? 'bad' : 'good'}>{driftHeadline(d)}</Tone>
                {d.runs.length > 1 ? <Tone tone="muted">{driftTrend(d)}</Tone> : null}
              </>
            )}
          </CapabilityView>
        </Field>
        <Field name="Judge">
          <CapabilityView loaded={judge} label="calibrating the judge" brief>
            {(j) => <Tone tone={j.calibration.verdicts.untrusted.length > 0 ? 'warn' : 'plain'}>{judgeHeadline(j)}</Tone>}
          </CapabilityView>
        </Field>
        {prov.state === 'ok' ? <ShareBars p={prov.value} width={width} rows={Math.max(0, height - SUMMARY_ROWS - 2)} /> : null}
      </Box>
      <KeyHints hints={['/ search items']} width={width} />
    </Box>
  );
}

function ProvenanceRows({ p, scale }: { readonly p: ProvenanceReport; readonly scale: string }) {
  const latest = p.guidelines.latest;
  return (
    <>
      <Field name="Gold set">
        <Tone>{`${count(p.items.total)} items · ${count(p.labels.current)} labels (${count(p.labels.superseded)} superseded) · ${p.labelers.length} labelers · ${count(p.sessions)} sessions`}</Tone>
      </Field>
      <Field name="Scale">
        <Tone>{`${scale} · ${p.slices.length} slices`}</Tone>
      </Field>
      <Field name="Coverage">
        <Tone tone={p.concentration.largest_share > 0.25 ? 'warn' : 'plain'}>
          {`${count(p.items.single_labeled)} single-labeled (${pct(p.items.single_labeled / Math.max(1, p.items.total))}) · largest ${p.concentration.largest_labeler ?? '–'} ${pct(p.concentration.largest_share)} of items · HHI ${p.concentration.herfindahl.toFixed(3)}`}
        </Tone>
      </Field>
      <Field name="Guidelines">
        <Tone tone={p.guidelines.items_only_outdated > 0 ? 'warn' : 'plain'}>
          {latest === null ? 'no guideline versions recorded' : `${p.guidelines.versions.map((v) => `${v.version} ${count(v.n_labels)}`).join(' · ')} · ${count(p.guidelines.items_only_outdated)} items never labeled under ${latest}`}
        </Tone>
      </Field>
      <Field name="Batches">
        <Tone>{batchLine(p)}</Tone>
      </Field>
    </>
  );
}

function batchLine(p: ProvenanceReport): string {
  const last = p.batches[p.batches.length - 1];
  if (last === undefined) return 'no import batches';
  return `${p.batches.length} imports · latest #${last.batch_id} ${last.source_file} by ${last.actor} ${last.started_at.slice(0, 10)}`;
}

function SkewRows({ flags }: { readonly flags: readonly SkewFlag[] }) {
  if (flags.length === 0) return <Tone tone="good">no labeler flagged</Tone>;
  return (
    <>
      <Tone tone="warn">{`${flags.length} flags; top by impact:`}</Tone>
      {flags.slice(0, TOP_FLAGS).map((f, i) => (
        <Tone key={`${f.labeler_id}-${f.kind}-${f.slice ?? ''}-${i}`}>{flagLine(f)}</Tone>
      ))}
    </>
  );
}

function IntegrityRow({ v }: { readonly v: VerifyReport }) {
  const checked = `${count(v.batches_checked)} batches, ${count(v.rows_checked.labels)} labels checked`;
  if (v.intact) return <Tone tone="good">{`✓ intact: ${checked} · head ${v.head_hash.slice(0, 16)}`}</Tone>;
  return <Tone tone="bad">{`✗ TAMPERED: ${v.findings.length} findings (${checked}) · first: ${v.findings[0]?.message ?? ''}`}</Tone>;
}

function ShareBars({ p, width, rows }: { readonly p: ProvenanceReport; readonly width: number; readonly rows: number }) {
  if (rows < 2 || p.labelers.length === 0) return null;
  const shown = p.labelers.slice(0, rows - 1);
  const barWidth = Math.max(4, width - 32);
  const max = Math.max(...shown.map((l) => l.share), 0.0001);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Tone tone="muted">{`Labeler share of items${p.labelers.length > shown.length ? ` (top ${shown.length} of ${p.labelers.length})` : ''}`}</Tone>
      {shown.map((l) => (
        <Tone key={l.labeler_id}>{`  ${fitCell(l.labeler_id, 16)} ${fitCell(pct(l.share), 6, 'right')} ${'█'.repeat(Math.max(1, Math.round((l.share / max) * barWidth)))}`}</Tone>
      ))}
    </Box>
  );
}
