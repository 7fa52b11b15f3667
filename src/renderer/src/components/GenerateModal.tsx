import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_TYPES, type JobType } from '@shared/job';
import type { PlanEstimate } from '@shared/pricing';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { PlanSummary } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { formatCost, formatDateTime } from '../format';
import { useGenerationStore } from '../stores/generation-store';
import { errorText } from './error-text';
import { OpenReviewsNotice } from './OpenReviewsNotice';

export interface GenerateModalProps {
  userId: string;
  submissions: QuestionnaireSubmission[];
  trainingPlans: PlanSummary[];
  initialPrevious?: string | null;
  onClose(): void;
}

/** Generar: type, questionnaire, optional previous plan, estimated cost → job + progress modal. */
export function GenerateModal({
  userId,
  submissions,
  trainingPlans,
  initialPrevious,
  onClose,
}: GenerateModalProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const show = useGenerationStore((s) => s.show);
  const [type, setType] = useState<JobType>('full');
  const [submissionId, setSubmissionId] = useState<string | null>(submissions[0]?._id ?? null);
  const [previous, setPrevious] = useState<string | null>(initialPrevious ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // From the server: its models per agent and price table (Ajustes), not this window's defaults.
  const [estimate, setEstimate] = useState<PlanEstimate | null>(null);

  useEffect(() => {
    let current = true;
    setEstimate(null);
    api.estimatePlanCost(type).then(
      (next) => current && setEstimate(next),
      () => current && setEstimate(null),
    );
    return () => {
      current = false;
    };
  }, [api, type]);

  async function start(): Promise<void> {
    if (!submissionId) return;
    setBusy(true);
    setError(null);
    try {
      const job = await api.generatePlan({
        user_id: userId,
        submission_id: submissionId,
        type,
        previous_training_plan_id: type === 'nutrition' ? null : previous,
      });
      onClose();
      show(job._id);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}

      title={t('generate.title')}
      centered
      size="lg"
    >
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id="generate-type-label">
            {t('generate.type')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="generate-type-label"
            value={type}
            onChange={(v) => setType(v as JobType)}
            data={JOB_TYPES.map((value) => ({ value, label: t(`generate.types.${value}`) }))}
            data-testid="generate-type"
          />
        </div>
        <Select
          label={t('generate.submission')}
          value={submissionId}
          onChange={setSubmissionId}
          allowDeselect={false}
          data={submissions.map((s) => ({
            value: s._id,
            label: `${formatDateTime(s.submitted_at)} · ${s.responses.objetivo_fisico}`,
          }))}
          data-testid="generate-submission"
        />
        <OpenReviewsNotice userId={userId} submissionId={submissionId} />
        {type !== 'nutrition' && (
          <Select
            label={t('generate.previous')}
            placeholder={t('generate.previousNone')}
            value={previous}
            onChange={setPrevious}
            clearable
            // A plan its audit blocked cannot be continued (the server refuses it: plan_blocked).
            data={trainingPlans.map((p) =>
              p.delivery_status === 'blocked'
                ? {
                    value: p._id,
                    label: t('delivery.previousBlocked', { date: formatDateTime(p.created_at) }),
                    disabled: true,
                  }
                : { value: p._id, label: formatDateTime(p.created_at) },
            )}
          />
        )}
        <Text size="sm" c="dimmed" data-testid="generate-estimate">
          {estimate === null
            ? t('generate.estimating')
            : t('generate.estimate', {
                cost:
                  estimate.usd === null
                    ? t('generate.estimateUnknown', { models: estimate.unpriced_models.join(', ') })
                    : formatCost(estimate.usd),
                agents: estimate.agents,
              })}
        </Text>
        {error && (
          <Text c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => void start()}
            loading={busy}
            disabled={!submissionId}
            data-testid="generate-start"
          >
            {t('generate.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
