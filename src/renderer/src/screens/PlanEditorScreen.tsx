import { Alert, Anchor, Badge, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CatalogExercise } from '@shared/exercise';
import {
  applyNutritionEdit,
  applyTrainingEdit,
  type NutritionEdit,
  type TrainingEdit,
  type TrainingEditCatalog,
} from '@shared/plan-edits';
import { reviewOf } from '@shared/plan-versions';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { editCatalog } from '../editor/catalog';
import { NutritionEditor } from '../editor/NutritionEditor';
import { ReauditPanel } from '../editor/ReauditPanel';
import { SavePanel } from '../editor/SavePanel';
import { TrainingEditor } from '../editor/TrainingEditor';
import { useEditSession, type EditorKind } from '../editor/useEditSession';
import { useExerciseNames } from '../plan/useExerciseNames';

type Loaded =
  | { kind: 'training'; plan: TrainingPlanDocument; catalog: TrainingEditCatalog }
  | { kind: 'nutrition'; plan: NutritionPlanDocument };

/** The coach's editor of one plan (`/plans/:kind/:planId/edit`; issue 16). */
export function PlanEditorScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const client = useClient();
  const { kind, planId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async (): Promise<void> => {
    setError(null);
    try {
      if (kind === 'training') {
        const [plan, items] = await Promise.all([
          client.getTrainingPlan(planId),
          client.listExercises() as Promise<CatalogExercise[]>,
        ]);
        setGeneration((g) => g + 1); // a fresh editor (no pending edits) on what was loaded
        setLoaded({ kind, plan, catalog: editCatalog(items) });
      } else if (kind === 'nutrition') {
        const plan = await client.getNutritionPlan(planId);
        setGeneration((g) => g + 1);
        setLoaded({ kind, plan });
      }
    } catch (failure) {
      setError(failure);
    }
  }, [client, kind, planId]);

  useEffect(() => {
    setLoaded(null);
    void load();
  }, [load]);

  const reload = useCallback(() => void load(), [load]);

  if (kind !== 'training' && kind !== 'nutrition') {
    return <Alert color="red">{t('editor.unknownKind')}</Alert>;
  }
  if (error !== null) {
    return (
      <Alert color="red" title={t('editor.loadFailed')} data-testid="editor-load-error">
        {errorText(error, t)}
      </Alert>
    );
  }
  if (!loaded || loaded.kind !== kind) {
    return (
      <Group>
        <Loader size="sm" />
        <Text>{t('common.loading')}</Text>
      </Group>
    );
  }
  return loaded.kind === 'training' ? (
    <TrainingEditorScreen
      key={`${loaded.plan._id}-${generation}`}
      plan={loaded.plan}
      catalog={loaded.catalog}
      onReload={reload}
    />
  ) : (
    <NutritionEditorScreen key={`${loaded.plan._id}-${generation}`} plan={loaded.plan} onReload={reload} />
  );
}

function TrainingEditorScreen({
  plan,
  catalog,
  onReload,
}: {
  plan: TrainingPlanDocument;
  catalog: TrainingEditCatalog;
  onReload: () => void;
}): React.JSX.Element {
  const exerciseName = useExerciseNames();
  const apply = useCallback(
    (current: TrainingPlanDocument, edit: TrainingEdit) => applyTrainingEdit(current, edit, catalog),
    [catalog],
  );
  const session = useEditSession('training', plan, apply);
  return (
    <EditorLayout
      kind="training"
      plan={plan}
      session={session}
      onReload={onReload}
      audit={plan.training.audit}
    >
      <TrainingEditor session={session} catalog={catalog} exerciseName={exerciseName} />
    </EditorLayout>
  );
}

const applyNutrition = (current: NutritionPlanDocument, edit: NutritionEdit) =>
  applyNutritionEdit(current, edit);

function NutritionEditorScreen({
  plan,
  onReload,
}: {
  plan: NutritionPlanDocument;
  onReload: () => void;
}): React.JSX.Element {
  const session = useEditSession('nutrition', plan, applyNutrition);
  return (
    <EditorLayout
      kind="nutrition"
      plan={plan}
      session={session}
      onReload={onReload}
      audit={plan.nutrition.audit}
    >
      <NutritionEditor session={session} />
    </EditorLayout>
  );
}

function EditorLayout<K extends EditorKind>({
  kind,
  plan,
  session,
  audit,
  onReload,
  children,
}: {
  kind: K;
  plan: TrainingPlanDocument | NutritionPlanDocument;
  session: ReturnType<typeof useEditSession<K>>;
  audit: unknown;
  onReload: () => void;
  children: React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const review = reviewOf(plan);
  const failed = session.applied.failed;
  return (
    <Stack data-testid="plan-editor" data-kind={kind} data-base-version={session.baseVersion}>
      <Anchor component={Link} to={`/plan/${encodeURIComponent(plan.job_id)}`} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('editor.backToPlan')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t(kind === 'training' ? 'editor.titles.training' : 'editor.titles.nutrition')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('editor.subtitle', { version: session.baseVersion })}
          </Text>
        </div>
        <Badge variant="light" size="lg" data-testid="editor-review-state">
          {t(`editor.review.${review.state}`, { version: session.baseVersion })}
        </Badge>
      </Group>
      {failed && (
        <Alert color="red" data-testid="editor-stack-error">
          {t('editor.stackFailed', { index: failed.index + 1 })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>{children}</Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack pos="sticky" top={16}>
            <ReauditPanel baseAudit={audit} editCount={session.edits.length} preview={session.preview} />
            <SavePanel session={session} onReload={onReload} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
