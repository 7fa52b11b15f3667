import { Alert, Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicJob } from '@shared/job';
import { deliveryOf, type PlanDelivery, type PlanKind } from '@shared/plan-delivery';
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
 * Plan: the plans one job produced (training and/or nutrition), metrics, JSON and PDF export. A plan
 * its audit blocked (the job failed with `audit_blocked`) opens for review: a banner says why and
 * offers the written approval, and export stays disabled until then (main refuses it too).
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
  }, [api, jobId, t]);

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
  const shown = [
    ...(training ? [{ kind: 'training' as const, id: training._id, delivery: deliveryOf(training) }] : []),
    ...(nutrition
      ? [{ kind: 'nutrition' as const, id: nutrition._id, delivery: deliveryOf(nutrition) }]
      : []),
  ];
  const blocked = shown.some((plan) => plan.delivery.status === 'blocked');
  /** The coach's approval, as the server recorded it: the page follows without a reload. */
  const approved = (kind: PlanKind, delivery: PlanDelivery): void =>
    setData((current) => {
      if (!current) return current;
      if (kind === 'training' && current.training)
        return { ...current, training: { ...current.training, delivery } };
      if (kind === 'nutrition' && current.nutrition)
        return { ...current, nutrition: { ...current.nutrition, delivery } };
      return current;
    });
  const notices = shown.map((plan) => (
    <PlanDeliveryNotice
      key={plan.kind}
      kind={plan.kind}
      planId={plan.id}
      delivery={plan.delivery}
      onApproved={(delivery) => approved(plan.kind, delivery)}
    />
  ));

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
              disabled={blocked}
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
              disabled={blocked}
            />
          </Group>
          {blocked && (
            <Text size="sm" c="dimmed" maw={420} ta="right" data-testid="export-disabled-reason">
              {t('delivery.exportDisabled')}
            </Text>
          )}
        </Stack>
      </Group>
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
