import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PlanKind } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { ClientError } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import {
  isOverrideMessageKey,
  OVERRIDE_MESSAGE_VALUES,
  overrideFormErrors,
  OverrideFormSchema,
  type OverrideForm as OverrideFormValues,
} from './override-form';
import { FormError } from '../components/FormError';

export interface OverrideFormProps {
  kind: PlanKind;
  planId: string;
  /** The version the coach looked at: the approval is about it (the server refuses another). */
  version: number;
  /** The plan as the server now has it: approved, its delivery `overridden` with the reason. */
  onApproved(plan: TrainingPlanDocument | NutritionPlanDocument): void;
  /** Someone saved another version meanwhile (`plan_version_conflict`). */
  onConflict?(): void;
}

/**
 * The coach approves a blocked version in writing (react-hook-form + zod, like the other forms): one
 * act, `approvePlan` with the delivery block's written reason (docs/AUDITS.md §8).
 */
export function OverrideForm({
  kind,
  planId,
  version,
  onApproved,
  onConflict,
}: OverrideFormProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const form = useForm<OverrideFormValues>({
    resolver: zodResolver(OverrideFormSchema),
    defaultValues: { reason: '', coach: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const message = (error: FieldError | undefined): string | undefined =>
    error?.message
      ? isOverrideMessageKey(error.message)
        ? t(error.message, OVERRIDE_MESSAGE_VALUES)
        : error.message
      : undefined;

  async function save(values: OverrideFormValues): Promise<void> {
    const coach = values.coach.trim();
    try {
      const plan = await api.approvePlan({
        kind,
        plan_id: planId,
        version,
        override_reason: values.reason.trim(),
        ...(coach ? { coach } : {}),
      });
      notifications.show({ color: 'teal', message: t('delivery.saved') });
      onApproved(plan);
    } catch (error) {
      if (error instanceof ClientError && error.code === 'plan_version_conflict') onConflict?.();
      const server = overrideFormErrors(error instanceof ClientError ? error.fields : []);
      const fields = Object.entries(server.fields) as [keyof OverrideFormValues, string][];
      for (const [field, text] of fields) form.setError(field, { type: 'server', message: text });
      if (fields.length === 0) form.setError('root', { message: errorText(error, t) });
      else if (server.other.length > 0) form.setError('root', { message: server.other.join(' ') });
    }
  }

  return (
    <form
      onSubmit={(e) => void form.handleSubmit(save)(e)}
      noValidate
      className="no-print"
      data-testid={`override-form-${kind}`}
    >
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('delivery.form.title')}
        </Title>
        <Textarea
          label={t('delivery.form.reason')}
          description={t('delivery.form.reasonHint', OVERRIDE_MESSAGE_VALUES)}
          withAsterisk
          autosize
          minRows={3}
          {...form.register('reason')}
          error={message(errors.reason)}
          data-testid="override-reason"
        />
        <TextInput
          label={t('delivery.form.coach')}
          {...form.register('coach')}
          error={message(errors.coach)}
          data-testid="override-coach"
        />
        <FormError message={errors.root?.message} />
        <Group justify="flex-end">
          <Button
            type="submit"
            color="red"
            variant="light"
            loading={isSubmitting}
            data-testid="override-submit"
          >
            {t('delivery.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
