import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Session } from '@shared/agent-outputs/training';
import type { PlanKind } from '@shared/plan-delivery';
import { REGENERATION_NOTE_MAX } from '@shared/plan-regeneration';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { isVersionConflict } from './ConflictNotice';
import {
  REGENERATE_MESSAGES,
  RegenerateFormSchema,
  scopeOf,
  scopeOptions,
  type RegenerateFormValues,
} from './regenerate-form';
import { FormError } from '../components/FormError';

const MESSAGE_KEYS = new Set<string>(Object.values(REGENERATE_MESSAGES));

export interface RegenerateFormProps {
  kind: PlanKind;
  planId: string;
  /** The version the coach is looking at: the job redoes part of it (the server checks it is current). */
  baseVersion: number;
  /** The week the plan shows (training), in the order the server counts sessions. */
  sessions: readonly Pick<Session, 'dia' | 'nombre'>[];
  onStarted(jobId: string): void;
  onConflict(): void;
}

/**
 * "Regenerar una parte": one session, the menus, or the chain from one agent on, redone with the
 * coach's note ("más trabajo de glúteo"); a generation job that saves a new version.
 */
export function RegenerateForm({
  kind,
  planId,
  baseVersion,
  sessions,
  onStarted,
  onConflict,
}: RegenerateFormProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useClient();
  const groups = useMemo(
    () => scopeOptions(kind, sessions, t, i18n.language),
    [kind, sessions, t, i18n.language],
  );
  const form = useForm<RegenerateFormValues>({
    resolver: zodResolver(RegenerateFormSchema),
    defaultValues: { scope: groups[0]?.items[0]?.value ?? '', note: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const message = (error: FieldError | undefined): string | undefined =>
    error?.message
      ? MESSAGE_KEYS.has(error.message)
        ? t(error.message, { max: REGENERATION_NOTE_MAX })
        : error.message
      : undefined;

  async function start(values: RegenerateFormValues): Promise<void> {
    const scope = scopeOf(values.scope);
    if (!scope) return;
    try {
      const { job_id } = await api.regeneratePlanPart({
        kind,
        plan_id: planId,
        base_version: baseVersion,
        scope,
        note: values.note.trim(),
      });
      form.reset({ scope: values.scope, note: '' });
      onStarted(job_id);
    } catch (error) {
      if (isVersionConflict(error)) {
        onConflict();
        return;
      }
      form.setError('root', { message: `${t('review.regenerate.failed')}: ${errorText(error, t)}` });
    }
  }

  return (
    <Paper withBorder p="md" data-testid="regenerate-panel">
      <form onSubmit={(e) => void form.handleSubmit(start)(e)} noValidate data-testid="regenerate-form">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('review.regenerate.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('review.regenerate.hint', { version: baseVersion })}
          </Text>
          <NativeSelect
            label={t('review.regenerate.scope')}
            data={groups}
            {...form.register('scope')}
            data-testid="regenerate-scope"
          />
          <Textarea
            label={t('review.regenerate.note')}
            placeholder={t('review.regenerate.notePlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            {...form.register('note')}
            error={message(errors.note)}
            data-testid="regenerate-note"
          />
          <FormError message={errors.root?.message} />
          <Group justify="flex-end">
            <Button
              type="submit"
              leftSection={<IconSparkles size={16} />}
              loading={isSubmitting}
              data-testid="regenerate-submit"
            >
              {t('review.regenerate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
