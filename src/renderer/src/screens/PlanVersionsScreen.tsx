import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { deliveryOf, PLAN_KINDS } from '@shared/plan-delivery';
import { shownWeek } from '@shared/plan-edits/training-week';
import { reviewOf, versionOf } from '@shared/plan-versions';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { PlanVersions } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { GenerationProgressModal } from '../components/GenerationProgressModal';
import { ConflictNotice } from '../review/ConflictNotice';
import { RegenerateForm } from '../review/RegenerateForm';
import { RestoreModal } from '../review/RestoreModal';
import { ReviewBar } from '../review/ReviewBar';
import { VersionDiff } from '../review/VersionDiff';
import { VersionsTable } from '../review/VersionsTable';
import { WeekDriftNotice } from '../review/WeekDriftNotice';

type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;

interface Loaded {
  list: PlanVersions;
  plan: AnyPlan;
}

/** The pair compared by default: the version before the current one, and the current one. */
function latestPair(list: PlanVersions): { from: number; to: number } {
  const numbers = list.versions.map((version) => version.version).sort((a, b) => a - b);
  const to = list.current_version;
  const before = numbers.filter((n) => n < to).at(-1);
  return { from: before ?? to, to };
}

/**
 * A plan's versions (`/plans/:kind/:planId/versions`; issue 16): the list with who, when, how and
 * the markers (current, approved, the client has it), the readable difference between any two,
 * "Restaurar" (a new version on top), "Regenerar una parte" (a job that saves a new version), and
 * the review bar to approve the current version.
 */
export function PlanVersionsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const params = useParams();
  const planId = params['planId'] ?? '';
  const kind = PLAN_KINDS.find((value) => value === params['kind']);
  const [data, setData] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);

  const reload = useCallback((options: { latest?: boolean } = {}) => {
    setConflict(false);
    if (options.latest) setPair(null);
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    if (!kind) return;
    let current = true;
    Promise.all([
      api.listPlanVersions({ kind, plan_id: planId }),
      kind === 'training' ? api.getTrainingPlan(planId) : api.getNutritionPlan(planId),
    ]).then(
      ([list, plan]) => {
        if (!current) return;
        setFailure(null);
        setData({ list, plan });
        setPair((picked) => picked ?? latestPair(list));
      },
      (error: unknown) => {
        if (current) setFailure(errorText(error, t));
      },
    );
    return () => {
      current = false;
    };
  }, [api, kind, planId, attempt, t]);

  const sessions = useMemo(() => {
    if (kind !== 'training' || !data) return [];
    return shownWeek(data.plan as TrainingPlanDocument)?.sessions ?? [];
  }, [data, kind]);

  /** The job saved a new version: say which, and show the list with it. */
  const regenerated = useCallback(() => {
    setJobId(null);
    if (!kind) return;
    void api
      .listPlanVersions({ kind, plan_id: planId })
      .then(
        (list) =>
          notifications.show({
            color: 'teal',
            message: t('review.regenerate.done', { version: list.current_version }),
          }),
        () => undefined,
      )
      .finally(() => reload({ latest: true }));
  }, [api, kind, planId, reload, t]);

  if (!kind) {
    return (
      <Alert color="red" title={t('review.loadFailed')} data-testid="versions-load-failed">
        {t('errors.codes.plan_not_found')}
      </Alert>
    );
  }
  if (failure && !data) {
    return (
      <Alert color="red" title={t('review.loadFailed')} data-testid="versions-load-failed">
        {failure}
      </Alert>
    );
  }
  if (!data || !pair) return <Text>{t('common.loading')}</Text>;
  const { list, plan } = data;
  const reviewed = { version: versionOf(plan), review: reviewOf(plan), delivery: deliveryOf(plan) };

  return (
    <Stack data-testid="versions-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('review.versionsTitle', { kind: t(`review.kind.${kind}`) })}
          </Title>
          <Group gap="md">
            <Anchor
              component={Link}
              to={`/plan/${encodeURIComponent(plan.job_id)}`}
              size="sm"
              data-testid="versions-back-plan"
            >
              <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-0.15em' }} />{' '}
              {t('review.backToPlan')}
            </Anchor>
            <Anchor component={Link} to={`/clients/${encodeURIComponent(plan.user_id)}`} size="sm">
              {t('review.backToClient')}
            </Anchor>
          </Group>
        </div>
      </Group>
      {conflict && <ConflictNotice onReload={() => reload({ latest: true })} />}
      <ReviewBar
        kind={kind}
        planId={planId}
        plan={reviewed}
        onChanged={() => reload()}
        onConflict={() => setConflict(true)}
        links={{ edit: true, versions: false }}
      />
      {list.week_drift && <WeekDriftNotice drift={list.week_drift} />}
      <VersionsTable list={list} onRestore={setRestoring} />
      <VersionDiff
        kind={kind}
        planId={planId}
        list={list}
        from={pair.from}
        to={pair.to}
        onPick={(from, to) => setPair({ from, to })}
      />
      <RegenerateForm
        key={`${kind}:${list.current_version}`}
        kind={kind}
        planId={planId}
        baseVersion={list.current_version}
        sessions={sessions}
        onStarted={setJobId}
        onConflict={() => setConflict(true)}
      />
      {restoring !== null && (
        <RestoreModal
          kind={kind}
          planId={planId}
          version={restoring}
          current={list.current_version}
          onClose={() => setRestoring(null)}
          onRestored={() => {
            setRestoring(null);
            reload({ latest: true });
          }}
          onConflict={() => {
            setRestoring(null);
            setConflict(true);
          }}
        />
      )}
      {jobId && (
        <GenerationProgressModal
          key={jobId}
          jobId={jobId}
          onClose={() => {
            setJobId(null);
            reload({ latest: true });
          }}
          onComplete={regenerated}
        />
      )}
    </Stack>
  );
}
