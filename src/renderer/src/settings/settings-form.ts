import { z } from 'zod';
import { LanguageSchema } from '@shared/config';
import { SettingsPatchSchema, type SettingsPatch, type SettingsValues } from '@shared/ipc-contract';

/*
 * Ajustes' general form (LLM endpoint and model, plan language, database, worker, API port,
 * automatic backups) as
 * the coach edits it: minutes instead of ms, a database mode instead of "empty URL = embedded".
 * Numeric limits are read from the shared SettingsPatchSchema (what main accepts); messages are
 * i18n keys (settings.formErrors.*).
 */
function patchLimits(key: 'worker_concurrency' | 'api_port' | 'backup_keep'): { min: number; max: number } {
  const number = SettingsPatchSchema.shape[key].unwrap().unwrap();
  return { min: number.minValue ?? 0, max: number.maxValue ?? Number.MAX_SAFE_INTEGER };
}
export const CONCURRENCY_LIMITS = patchLimits('worker_concurrency');
export const API_PORT_LIMITS = patchLimits('api_port');
/** Daily automatic backups kept; 0 turns them off. */
export const BACKUP_KEEP_LIMITS = patchLimits('backup_keep');
/** At least the schema's 1 000 ms; at most a day. */
export const TIMEOUT_MINUTES_LIMITS = { min: 1, max: 24 * 60 };

const whole = ({ min, max }: { min: number; max: number }) =>
  z
    .number({ error: 'settings.formErrors.number' })
    .int('settings.formErrors.whole')
    .min(min, 'settings.formErrors.range')
    .max(max, 'settings.formErrors.range');

const MONGO_URL = /^mongodb(\+srv)?:\/\/\S+$/;

export const GeneralSettingsFormSchema = z
  .object({
    llm_base_url: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'settings.formErrors.url' })]),
    llm_model: z
      .string()
      .trim()
      .min(1, 'settings.formErrors.modelRequired')
      .max(128, 'settings.formErrors.modelTooLong'),
    plan_language: LanguageSchema,
    database_mode: z.enum(['embedded', 'server']),
    mongo_url: z.string().trim(),
    worker_concurrency: whole(CONCURRENCY_LIMITS),
    job_timeout_min: whole(TIMEOUT_MINUTES_LIMITS),
    api_port: whole(API_PORT_LIMITS),
    backup_keep: whole(BACKUP_KEEP_LIMITS),
    /** Empty: the default folder (`<data dir>/backups`). */
    backup_dir: z.string().trim().max(4096, 'settings.formErrors.pathTooLong'),
  })
  .superRefine(
    (form, ctx) => {
      if (form.database_mode === 'server' && !MONGO_URL.test(String(form.mongo_url).trim())) {
        ctx.addIssue({ code: 'custom', path: ['mongo_url'], message: 'settings.formErrors.mongoUrl' });
      }
    },
    // Shown together with the other fields' errors, not only once they are fixed.
    { when: () => true },
  );
export type GeneralSettingsForm = z.infer<typeof GeneralSettingsFormSchema>;

export function formFromValues(values: SettingsValues): GeneralSettingsForm {
  return {
    llm_base_url: values.llm_base_url ?? '',
    llm_model: values.llm_model,
    plan_language: values.plan_language,
    database_mode: values.mongo_url ? 'server' : 'embedded',
    mongo_url: values.mongo_url ?? '',
    worker_concurrency: values.worker_concurrency,
    job_timeout_min: Math.round(values.job_timeout_ms / 60_000),
    api_port: values.api_port,
    backup_keep: values.backup_keep,
    backup_dir: values.backup_dir ?? '',
  };
}

/** Only what the coach changed, as the settings patch (null = back to the default). */
export function patchFromForm(form: GeneralSettingsForm, initial: GeneralSettingsForm): SettingsPatch {
  const patch: SettingsPatch = {};
  if (form.llm_base_url !== initial.llm_base_url) patch.llm_base_url = form.llm_base_url || null;
  if (form.llm_model !== initial.llm_model) patch.llm_model = form.llm_model;
  if (form.plan_language !== initial.plan_language) patch.plan_language = form.plan_language;
  const url = form.database_mode === 'server' ? form.mongo_url : '';
  const initialUrl = initial.database_mode === 'server' ? initial.mongo_url : '';
  if (url !== initialUrl) patch.mongo_url = url || null;
  if (form.worker_concurrency !== initial.worker_concurrency)
    patch.worker_concurrency = form.worker_concurrency;
  if (form.job_timeout_min !== initial.job_timeout_min) patch.job_timeout_ms = form.job_timeout_min * 60_000;
  if (form.api_port !== initial.api_port) patch.api_port = form.api_port;
  if (form.backup_keep !== initial.backup_keep) patch.backup_keep = form.backup_keep;
  if (form.backup_dir.trim() !== initial.backup_dir.trim()) patch.backup_dir = form.backup_dir.trim() || null;
  return patch;
}
