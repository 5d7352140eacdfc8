import type { ProvenanceReport, Scale, VerifyReport } from '@touchstone/core/schemas';
import type { AuditSource, DriftPanel, JudgePanel, SkewPanel } from './audit-source.js';
import type { Capability } from './capability.js';

/** The whole audit as one document: `touchstone audit --json`, the static summary and the HTML report read it. */
export interface AuditDocument {
  readonly gold_set: string;
  readonly scale: Scale;
  readonly provenance: ProvenanceReport;
  readonly verify: VerifyReport;
  readonly skew: Capability<SkewPanel>;
  readonly drift: Capability<DriftPanel>;
  readonly judge: Capability<JudgePanel>;
}

/** Loads every section of the audit, one after the other (the store runs one query at a time). */
export async function auditDocument(source: AuditSource, onSection: (name: string) => void = () => {}): Promise<AuditDocument> {
  onSection('provenance');
  const provenance = await source.provenance();
  onSection('integrity');
  const verify = await source.verify();
  onSection('skew');
  const skew = await source.skew();
  onSection('drift');
  const drift = await source.drift();
  onSection('judge');
  const judge = await source.judge();
  return { gold_set: source.goldSet, scale: source.scale, provenance, verify, skew, drift, judge };
}
