import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicJob } from '@shared/job';
import { deliveryOf, type PlanKind } from '@shared/plan-delivery';
import { reviewOf, versionOf } from '@shared/plan-versions';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { useClient } from '../api/client-store';
import { AuditBadge } from '../components/AuditBadge';
import { JobFailure } from '../components/JobFailure';
import { errorText } from '../components/error-text';
import { formatDateTime } from '../format';
import { ClientPdfExport } from '../plan/ClientPdfExport';
import { DeliveryBadge } from '../plan/DeliveryBadge';
import { MetricsPanel } from '../plan/MetricsPanel';
import { NutritionPlanView } from '../plan/NutritionPlanView';
import { PlanDeliveryNotice } from '../plan/PlanDeliveryNotice';
import { TrainingPlanView } from '../plan/TrainingPlanView';
import { planFileName, usePdfExport } from '../plan/usePdfExport';
import { ConflictNotice } from '../review/ConflictNotice';
import { ReviewBar } from '../review/ReviewBar';
import { WeekDriftNotice } from '../review/WeekDriftNotice';
import { weekDrift } from '@shared/plan-week-drift';
import { isApproved } from '../review/review-state';

interface Loaded {
  job: PublicJob;
  /** Null when the client could not be read (archived elsewhere, removed): the id is shown instead. */
  clientName: string | null;
  training: TrainingPlanDocument | null;
  nutrition: NutritionPlanDocument | null;
}

function downloadJson(name: string, value: unknown): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Plan: the plans one job produced (training and/or nutrition), metrics, JSON and PDF export. Each
 * plan has its review bar (state of the current version, Editar, Versiones, "Aprobar versión N"): the
 * client's copies (JSON, client PDF) are offered only once every plan shown is approved (the host
 * refuses them too, `plan_not_approved`), and exporting one marks it delivered. A plan its audit
 * blocked (the job failed with `audit_blocked`) opens for review: a banner says why and holds the
 * written approval.
 */
export function PlanScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { jobId = '' } = useParams();
  const api = useClient();
  const [data, setData] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Controlled, so the tab the coach was on comes back after the print layout.
  const [tab, setTab] = useState<string | null>(null);
  const clientLabel = data?.clientName ?? data?.job.user_id ?? '';
  const pdf = usePdfExport(planFileName(clientLabel, data?.job.completed_at ?? null, 'pdf'), jobId);
  const [exportingJson, setExportingJson] = useState(false);
  /** Someone saved another version meanwhile: the page says so and offers to reload. */
  const [conflict, setConflict] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => {
    setConflict(false);
    setAttempt((n) => n + 1);
  }, []);
  /** A plan as the server now has it (approved, delivered): the page follows without a reload. */
  const replacePlan = useCallback((plan: TrainingPlanDocument | NutritionPlanDocument): void => {
    setData((current) => {
      if (!current) return current;
      if (current.training?._id === plan._id) return { ...current, training: plan as TrainingPlanDocument };
      if (current.nutrition?._id === plan._id)
        return { ...current, nutrition: plan as NutritionPlanDocument };
      return current;
    });
  }, []);
  /**
   * The JSON download: each plan comes from the server's export (HTTP route, IPC method), which
   * refuses a blocked plan — the disabled button is only a hint, not the guard.
   */
  const exportJson = async (loaded: Loaded): Promise<void> => {
    setExportingJson(true);
    try {
      const { job } = loaded;
      const [training, nutrition] = await Promise.all([
        job.result.training_plan_id ? api.exportPlanJson('training', job.result.training_plan_id) : null,
        job.result.nutrition_plan_id ? api.exportPlanJson('nutrition', job.result.nutrition_plan_id) : null,
      ]);
      downloadJson(planFileName(clientLabel, job.completed_at, 'json'), { job, training, nutrition });
      // The copy left the app: each plan now says "Entregada".
      if (training) replacePlan(training);
      if (nutrition) replacePlan(nutrition);
    } catch (error) {
      notifications.show({ color: 'red', title: t('plan.jsonFailed'), message: errorText(error, t) });
    } finally {
      setExportingJson(false);
    }
  };

  useEffect(() => {
    void (async () => {
      try {
        const job = await api.getJob(jobId);
        const [training, nutrition, client] = await Promise.all([
          job.result.training_plan_id ? api.getTrainingPlan(job.result.training_plan_id) : null,
          job.result.nutrition_plan_id ? api.getNutritionPlan(job.result.nutrition_plan_id) : null,
          api.getClient(job.user_id).catch(() => null),
        ]);
        setData({ job, clientName: client?.nombre_completo ?? null, training, nutrition });
      } catch (error) {
        setFailure(errorText(error, t));
      }
    })();
  }, [api, jobId, t, attempt]);

  if (failure) {
    return (
      <Alert color="red" title={t('plan.loadFailed')} data-testid="plan-load-failed">
        {failure}
      </Alert>
    );
  }
  if (!data) return <Text>{t('common.loading')}</Text>;
  const { job, clientName, training, nutrition } = data;
  if (!training && !nutrition) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('plan.title')}
        </Title>
        <Text>{t('plan.notReady')}</Text>
        {job.status === 'failed' && <JobFailure job={job} />}
      </Stack>
    );
  }
  const metrics = [training?.metrics, nutrition?.metrics].filter((m) => m !== undefined);
  const first = training ? 'training' : 'nutrition';
  const reviewed = (kind: PlanKind, plan: TrainingPlanDocument | NutritionPlanDocument) => ({
    kind,
    id: plan._id,
    delivery: deliveryOf(plan),
    version: versionOf(plan),
    review: reviewOf(plan),
  });
  const shown = [
    ...(training ? [reviewed('training', training)] : []),
    ...(nutrition ? [reviewed('nutrition', nutrition)] : []),
  ];
  const blocked = shown.some((plan) => plan.delivery.status === 'blocked');
  /** The client's copies leave only for approved versions. */
  const allApproved = shown.every((plan) => isApproved(plan));
  const exportReason = blocked
    ? t('delivery.exportDisabled')
    : allApproved
      ? null
      : t('review.exportNeedsApproval');
  /** A blocked version's written approval is the banner's form: the bar's button takes the coach there. */
  const toBlockedForm = (kind: PlanKind): void => {
    const field = document.querySelector<HTMLTextAreaElement>(
      `[data-testid="override-form-${kind}"] textarea`,
    );
    field?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    field?.focus({ preventScroll: true });
  };
  const notices = shown.map((plan) => (
    <PlanDeliveryNotice
      key={plan.kind}
      kind={plan.kind}
      planId={plan.id}
      version={plan.version}
      delivery={plan.delivery}
      onApproved={replacePlan}
      onConflict={() => setConflict(true)}
    />
  ));
  // A full job's menus are built on its own training plan: a later edit of it can move the week.
  const drift = nutrition ? weekDrift(nutrition, training) : null;
  const reviewBars = shown.map((plan) => (
    <ReviewBar
      key={plan.kind}
      kind={plan.kind}
      planId={plan.id}
      plan={plan}
      onChanged={replacePlan}
      onConflict={() => setConflict(true)}
      onApproveBlocked={() => toBlockedForm(plan.kind)}
    />
  ));
  if (drift) reviewBars.push(<WeekDriftNotice key="week-drift" drift={drift} />);

  return (
    <Stack data-testid="plan-screen">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {t(`generate.types.${job.type}`)}
          </Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm">
              <Anchor
                underline="always"
                component={Link}
                to={`/clients/${encodeURIComponent(job.user_id)}`}
                data-testid="plan-client"
              >
                {clientName ?? job.user_id}
              </Anchor>{' '}
              · {formatDateTime(job.completed_at)}
            </Text>
            {/* Each verdict names its plan: two bare "Aprobado" side by side say nothing. */}
            <AuditBadge status={training?.training.audit.status} kind="training" />
            <AuditBadge status={nutrition?.nutrition.audit.status} kind="nutrition" />
            {shown.map((plan) => (
              <DeliveryBadge key={plan.kind} status={plan.delivery.status} kind={plan.kind} />
            ))}
          </Group>
        </div>
        <Stack gap={4} className="no-print" align="flex-end">
          <Group>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => void exportJson(data)}
              loading={exportingJson}
              disabled={!allApproved}
              data-testid="export-json"
            >
              {t('plan.exportJson')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              onClick={pdf.exportPdf}
              loading={pdf.printing}
              disabled={blocked}
              data-testid="export-pdf"
            >
              {t('plan.exportPdf')}
            </Button>
            <ClientPdfExport
              jobId={job._id}
              planLanguage={training?.language ?? nutrition?.language ?? 'es'}
              disabled={!allApproved}
              onExported={reload}
            />
          </Group>
          {exportReason && (
            <Text size="sm" c="dimmed" maw={420} ta="right" data-testid="export-disabled-reason">
              {exportReason}
            </Text>
          )}
        </Stack>
      </Group>
      {conflict && <ConflictNotice onReload={reload} />}
      {!pdf.printing && <Stack gap="xs">{reviewBars}</Stack>}
      {!pdf.printing && notices}
      {pdf.printing ? (
        // The client's document: every plan section one after another; token costs stay internal. A
        // coach's approval despite the block is part of it (the note heads the printed plan).
        <Stack data-testid="plan-print-layout">
          {notices}
          {training && <TrainingPlanView plan={training} />}
          {nutrition && <NutritionPlanView plan={nutrition} />}
        </Stack>
      ) : (
        <Tabs value={tab ?? first} onChange={setTab} keepMounted={false}>
          <Tabs.List className="no-print">
            {training && <Tabs.Tab value="training">{t('plan.training')}</Tabs.Tab>}
            {nutrition && <Tabs.Tab value="nutrition">{t('plan.nutrition')}</Tabs.Tab>}
            <Tabs.Tab value="metrics">{t('plan.metrics')}</Tabs.Tab>
          </Tabs.List>
          {training && (
            <Tabs.Panel value="training" pt="md">
              <TrainingPlanView plan={training} />
            </Tabs.Panel>
          )}
          {nutrition && (
            <Tabs.Panel value="nutrition" pt="md">
              <NutritionPlanView plan={nutrition} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="metrics" pt="md">
            <MetricsPanel metrics={metrics} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
