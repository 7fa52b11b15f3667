import { z } from 'zod';
import data from '../../../../resources/supplements.json';
import { findTokenRun, tokens } from './text';

/*
 * resources/supplements.json, checked once at load (NUT-18, docs/AUDITS.md §10): the supplements a
 * plan may recommend with their dose limits, and the substances it must never recommend. Imported
 * statically so it ships in the bundle and a broken edit fails the tests and the app's start.
 */

// The matcher compares normalised words (text.ts): a name with a capital or an accent never matches.
const Name = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'lower case, no accents, one space between words');

const DoseSchema = z.object({
  unit: z.enum(['g', 'mg', 'ug']),
  min_per_day: z.number().positive().optional(),
  /** Top of the evidence-based range: above it → WARN (and N7's repair round). */
  max_per_day: z.number().positive().optional(),
  /** Established safety limit (EFSA UL or safe level): above it → BLOCK. */
  upper_limit_per_day: z.number().positive().optional(),
  max_per_dose: z.number().positive().optional(),
  /** Established single-dose safety level (caffeine 200 mg): above it → BLOCK. */
  max_per_dose_block: z.number().positive().optional(),
  /** Vitamin D: 1 µg = 40 IU. Without it a dose in IU cannot be compared. */
  iu_per_ug: z.number().positive().optional(),
});

const SupplementSchema = z.object({
  id: z.string().min(1),
  label: z.object({ es: z.string().min(1), en: z.string().min(1) }),
  names: z.array(Name).min(1),
  /** `alimento`: a food sold as a powder (protein); allowed where supplements are not. */
  kind: z.enum(['suplemento', 'alimento']),
  requires_medical_indication: z.boolean().optional(),
  dose: DoseSchema.optional(),
  note: z.string().min(1),
  source: z.string().min(1),
});

const ForbiddenSchema = z.object({
  id: z.string().min(1),
  names: z.array(Name).min(1),
  severity: z.enum(['block', 'warn']),
  /** A stimulant that must never be stacked with caffeine (synephrine). */
  block_with_caffeine: z.boolean().optional(),
  reason: z.string().min(1),
  source: z.string().min(1),
});

const CatalogSchema = z.object({
  about: z.string(),
  supplements: z.array(SupplementSchema).min(1),
  forbidden: z.array(ForbiddenSchema).min(1),
});

export type SupplementEntry = z.infer<typeof SupplementSchema>;
export type ForbiddenEntry = z.infer<typeof ForbiddenSchema>;
export type DoseLimits = z.infer<typeof DoseSchema>;

export const SUPPLEMENT_CATALOG = CatalogSchema.parse(data);

/** "no", "sin", "evita"…: a name right after one of these is excluded, not recommended. */
const NEGATORS = new Set([
  'no',
  'sin',
  'nunca',
  'evita',
  'evitar',
  'libre',
  'without',
  'free',
  'avoid',
  'never',
  'not',
]);

function namedIn(words: readonly string[], name: string): boolean {
  const needle = name.split(' ');
  for (let at = findTokenRun(words, needle); at >= 0; at = findTokenRun(words, needle, at + 1)) {
    const before = words.slice(Math.max(0, at - 3), at);
    if (!before.some((word) => NEGATORS.has(word))) return true;
  }
  return false;
}

/** The whitelisted supplement a name is, by its longest matching name ("creatina monohidrato"). */
export function findSupplement(name: string): SupplementEntry | null {
  const words = tokens(name);
  let best: { entry: SupplementEntry; length: number } | null = null;
  for (const entry of SUPPLEMENT_CATALOG.supplements) {
    for (const candidate of entry.names) {
      const length = candidate.split(' ').length;
      if ((best === null || length > best.length) && namedIn(words, candidate)) best = { entry, length };
    }
  }
  return best?.entry ?? null;
}

/** Every never-recommend substance a text names (not after "sin", "no", "avoid"…). */
export function findForbidden(text: string): ForbiddenEntry[] {
  const words = tokens(text);
  return SUPPLEMENT_CATALOG.forbidden.filter((entry) => entry.names.some((name) => namedIn(words, name)));
}
