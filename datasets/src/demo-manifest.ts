import { z } from 'zod';

const FileEntrySchema = z.object({ file: z.string(), records: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const SeenSchema = z.object({ first_seen: z.string(), last_seen: z.string() });

/** `manifest.json`: what was generated, from which seed, and the effects planted in it (with their realised sizes). */
export const DemoManifestSchema = z.object({
  generator: z.literal('@touchstone/datasets'),
  format_version: z.literal(1),
  seed: z.number().int(),
  scale: z.number().positive(),
  gold_set: z.string(),
  scale_spec: z.string(),
  pass_threshold: z.number(),
  judge: z.string(),
  files: z.object({ labels: FileEntrySchema, judge: FileEntrySchema, traffic: FileEntrySchema }),
  counts: z.object({
    items: z.number().int(),
    labels: z.number().int(),
    labelers: z.number().int(),
    single_labeled_items: z.number().int(),
    sessions: z.number().int(),
    traffic: z.number().int(),
  }),
  planted: z.object({
    lenient_labeler: z.object({ labeler_id: z.string(), slice: z.string(), delta: z.number(), item_share: z.number(), items_in_slice: z.number().int() }),
    fatigue: z.object({ labeler_ids: z.array(z.string()), after_position: z.number(), per_item: z.number(), max_shift: z.number() }),
    guidelines: z.object({ versions: z.array(z.string()), v2_from: z.string(), v1_tone_leniency: z.number(), items_only_v1: z.number().int() }),
    judge_tails: z.object({ judge: z.string(), agrees_in: z.array(z.number()), hedges_at: z.array(z.number()) }),
    traffic: z.object({
      start: z.string(),
      end: z.string(),
      new_intent: z.object({ intent: z.string() }).extend(SeenSchema.shape),
      sunset_intent: z.object({ intent: z.string() }).extend(SeenSchema.shape),
      models: z.array(z.object({ model: z.string() }).extend(SeenSchema.shape)),
      prompt_versions: z.array(z.object({ prompt_version: z.string() }).extend(SeenSchema.shape)),
    }),
  }),
});
export type DemoManifest = z.infer<typeof DemoManifestSchema>;

export const MANIFEST_FILE = 'manifest.json';
