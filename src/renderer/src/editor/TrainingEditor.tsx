import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrescribedExercise, Session } from '@shared/agent-outputs/training';
import {
  exerciseOptions,
  type TrainingEdit,
  type TrainingEditCatalog,
  type TrainingEditResult,
} from '@shared/plan-edits';
import { shownWeek } from '@shared/plan-edits/training-week';
import { PlanAuditSchema } from '@shared/plans';
import { DIA_SEMANA_VALUES, type DiaSemana } from '@shared/questionnaire';
import { currentLang } from '../i18n';
import { enumLabelKey } from '../plan/enum-labels';
import { warnedExerciseIds } from './edit-stack';
import { EditNumber, EditText } from './fields';
import { OptionPicker, type PickOption } from './OptionPicker';
import { refusalText } from './refusal';
import type { EditSession } from './useEditSession';

/** A new exercise's starting prescription; the coach adjusts it in place. */
export const NEW_EXERCISE: Omit<PrescribedExercise, 'ejercicio_id'> = {
  series: 3,
  reps_min: 8,
  reps_max: 12,
  rir: 2,
  rpe: null,
  descanso_seg: 90,
  tempo: null,
  notas: null,
};

interface CheckNote {
  id: string;
  severity: 'block' | 'warn' | 'info';
  reason: string;
}

/** The training week, session by session, every exercise editable in place. */
export function TrainingEditor({
  session,
  catalog,
  exerciseName,
}: {
  session: EditSession<'training'>;
  catalog: TrainingEditCatalog;
  exerciseName: (id: string) => string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const plan = session.applied.plan;
  const week = shownWeek(plan);
  const sessions = week?.sessions ?? [];
  const [allowRestricted, setAllowRestricted] = useState(false);

  // The options depend on the client facts the plan stores, which edits never change.
  const options = useMemo<PickOption[]>(
    () =>
      (shownWeek(session.base)?.sessions.length ?? 0) > 0 ? exerciseOptions(session.base, 0, catalog) : [],
    [session.base, catalog],
  );
  const optionById = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const warned = warnedExerciseIds(
    session.edits,
    session.applied.warnings,
    session.preview.result?.warnings ?? [],
  );
  const audit = PlanAuditSchema.safeParse(
    session.edits.length > 0 && session.preview.result ? session.preview.result.audit : plan.training.audit,
  );
  const failing: CheckNote[] = audit.success
    ? audit.data.checks
        .filter((check) => !check.passed)
        .map(({ id, severity, reason }) => ({ id, severity, reason }))
    : [];

  function push(edit: TrainingEdit): void {
    const result = session.push(edit) as TrainingEditResult;
    if (!result.ok) {
      notifications.show({
        color: 'red',
        title: t('editor.refused'),
        message: refusalText(result.errors, t),
      });
    }
  }

  /** The picker's options plus the current exercise when the client's equipment hides it. */
  const pickerOptions = (id: string): PickOption[] =>
    optionById.has(id)
      ? options
      : [{ id, name_es: exerciseName(id), name_en: exerciseName(id), allowed: true }, ...options];

  const restriction = (id: string): string | undefined => {
    const option = optionById.get(id);
    if (option?.reason) return option.reason[lang];
    if (warned.has(id) && !option) return t('editor.training.notAvailable');
    return undefined;
  };

  const checksNaming = (id: string): CheckNote[] => {
    const entry = catalog.byId(id);
    const names = [id, entry?.nombre].filter((name): name is string => Boolean(name));
    return failing.filter((check) => names.some((name) => check.reason.includes(name)));
  };

  if (!week) {
    return <Text c="dimmed">{t('editor.training.noWeek')}</Text>;
  }

  const takenDays = new Set(sessions.map((s) => s.dia));

  return (
    <Stack data-testid="training-editor">
      <Switch
        checked={allowRestricted}
        onChange={(event) => setAllowRestricted(event.currentTarget.checked)}
        label={t('editor.training.allowRestricted')}
        description={t('editor.training.allowRestrictedHint')}
        data-testid="editor-allow-restricted"
      />
      {sessions.map((s, sessionIndex) => (
        <SessionCard
          key={`${s.dia}-${sessionIndex}`}
          session={s}
          index={sessionIndex}
          count={sessions.length}
          takenDays={takenDays}
          exerciseName={exerciseName}
          pickerOptions={pickerOptions}
          allOptions={options}
          allowRestricted={allowRestricted}
          restriction={(id) => (warned.has(id) || optionById.get(id)?.reason ? restriction(id) : undefined)}
          checksNaming={checksNaming}
          push={push}
        />
      ))}
      <AddSession
        takenDays={takenDays}
        options={options}
        allowRestricted={allowRestricted}
        onAdd={(dia, nombre, exerciseId) =>
          push({
            type: 'add_session',
            session: {
              dia,
              nombre,
              duracion_min: 60,
              ejercicios: [{ ejercicio_id: exerciseId, ...NEW_EXERCISE }],
            },
          })
        }
      />
    </Stack>
  );
}

function SessionCard({
  session: s,
  index,
  count,
  takenDays,
  exerciseName,
  pickerOptions,
  allOptions,
  allowRestricted,
  restriction,
  checksNaming,
  push,
}: {
  session: Session;
  index: number;
  count: number;
  takenDays: Set<DiaSemana>;
  exerciseName: (id: string) => string;
  pickerOptions: (id: string) => PickOption[];
  allOptions: PickOption[];
  allowRestricted: boolean;
  restriction: (id: string) => string | undefined;
  checksNaming: (id: string) => CheckNote[];
  push: (edit: TrainingEdit) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const day = t(enumLabelKey('dia', s.dia));
  const dayOptions = DIA_SEMANA_VALUES.map((dia) => ({
    value: dia,
    label: t(enumLabelKey('dia', dia)),
    disabled: dia !== s.dia && takenDays.has(dia),
  }));
  return (
    <Card withBorder padding="md" data-testid="editor-session" data-day={s.dia}>
      <Group justify="space-between" align="flex-end" mb="sm">
        <div>
          <Title order={2} size="h4">
            {`${day} · ${s.nombre}`}
          </Title>
          <Text size="xs" c="dimmed">
            {t('editor.training.sessionMeta', { count: s.ejercicios.length, minutes: s.duracion_min })}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <Select
            size="xs"
            w={150}
            label={t('editor.training.moveTo')}
            aria-label={t('editor.training.moveToLabel', { session: `${day} · ${s.nombre}` })}
            data={dayOptions}
            value={s.dia}
            allowDeselect={false}
            data-testid="editor-session-day"
            onChange={(dia) => {
              if (dia && dia !== s.dia) push({ type: 'move_session', session: index, dia: dia as DiaSemana });
            }}
          />
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            disabled={count <= 1}
            onClick={() => push({ type: 'remove_session', session: index })}
            aria-label={t('editor.training.removeSessionLabel', { session: `${day} · ${s.nombre}` })}
          >
            {t('editor.training.removeSession')}
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        {s.ejercicios.map((exercise, exerciseIndex) => (
          <ExerciseRow
            key={`${exerciseIndex}-${exercise.ejercicio_id}`}
            exercise={exercise}
            sessionIndex={index}
            index={exerciseIndex}
            count={s.ejercicios.length}
            name={exerciseName(exercise.ejercicio_id)}
            options={pickerOptions(exercise.ejercicio_id)}
            allowRestricted={allowRestricted}
            restriction={restriction(exercise.ejercicio_id)}
            checks={checksNaming(exercise.ejercicio_id)}
            push={push}
          />
        ))}
        <OptionPicker
          label={t('editor.training.addExerciseLabel', { session: `${day} · ${s.nombre}` })}
          hideLabel
          placeholder={t('editor.training.addExercise')}
          options={allOptions}
          allowRestricted={allowRestricted}
          value={null}
          w={320}
          testId="editor-add-exercise"
          onPick={(id) =>
            push({
              type: 'add_exercise',
              session: index,
              prescription: { ejercicio_id: id, ...NEW_EXERCISE },
            })
          }
        />
      </Stack>
    </Card>
  );
}

function ExerciseRow({
  exercise,
  sessionIndex,
  index,
  count,
  name,
  options,
  allowRestricted,
  restriction,
  checks,
  push,
}: {
  exercise: PrescribedExercise;
  sessionIndex: number;
  index: number;
  count: number;
  name: string;
  options: PickOption[];
  allowRestricted: boolean;
  restriction: string | undefined;
  checks: CheckNote[];
  push: (edit: TrainingEdit) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const at = { session: sessionIndex, exercise: index };
  const set = (changes: Partial<PrescribedExercise>): void =>
    push({ type: 'set_prescription', ...at, ...changes });
  const hasBlock = restriction !== undefined || checks.some((check) => check.severity === 'block');
  return (
    <Card
      withBorder
      padding="sm"
      radius="sm"
      data-testid="editor-exercise"
      data-exercise-id={exercise.ejercicio_id}
      style={hasBlock ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs" mb={6}>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Badge variant="light" size="sm" circle aria-hidden>
            {index + 1}
          </Badge>
          <Text fw={600} size="sm" data-testid="editor-exercise-name">
            {name}
          </Text>
          <OptionPicker
            label={t('editor.training.swapLabel', { name })}
            hideLabel
            placeholder={t('editor.training.swap')}
            options={options}
            allowRestricted={allowRestricted}
            value={exercise.ejercicio_id}
            w={280}
            testId="editor-swap"
            onPick={(id) => push({ type: 'swap_exercise', ...at, exercise_id: id })}
          />
        </Group>
        <Group gap={4}>
          <ActionIcon
            variant="subtle"
            disabled={index === 0}
            aria-label={t('editor.training.moveUp', { name })}
            onClick={() => push({ type: 'move_exercise', session: sessionIndex, from: index, to: index - 1 })}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={index === count - 1}
            aria-label={t('editor.training.moveDown', { name })}
            onClick={() => push({ type: 'move_exercise', session: sessionIndex, from: index, to: index + 1 })}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            disabled={count <= 1}
            aria-label={t('editor.training.remove', { name })}
            onClick={() => push({ type: 'remove_exercise', ...at })}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <EditNumber
          label={t('editor.training.series')}
          value={exercise.series}
          min={1}
          max={10}
          testId="editor-series"
          onCommit={(series) => set({ series })}
        />
        <EditNumber
          label={t('editor.training.repsMin')}
          value={exercise.reps_min}
          min={1}
          max={50}
          testId="editor-reps-min"
          onCommit={(reps_min) => set({ reps_min })}
        />
        <EditNumber
          label={t('editor.training.repsMax')}
          value={exercise.reps_max}
          min={1}
          max={50}
          testId="editor-reps-max"
          onCommit={(reps_max) => set({ reps_max })}
        />
        <EditNumber
          label={t('editor.training.rir')}
          value={exercise.rir}
          min={0}
          max={5}
          testId="editor-rir"
          onCommit={(rir) => set({ rir })}
        />
        <EditNumber
          label={t('editor.training.rest')}
          value={exercise.descanso_seg}
          min={15}
          max={600}
          w={96}
          testId="editor-rest"
          onCommit={(descanso_seg) => set({ descanso_seg })}
        />
        <EditText
          label={t('editor.training.tempo')}
          value={exercise.tempo ?? ''}
          placeholder="3-1-1-0"
          maxLength={20}
          w={90}
          testId="editor-tempo"
          onCommit={(tempo) => set({ tempo })}
        />
        <EditText
          label={t('editor.training.notes')}
          value={exercise.notas ?? ''}
          maxLength={300}
          w={260}
          testId="editor-notes"
          onCommit={(notas) => set({ notas })}
        />
      </Group>
      {(restriction || checks.length > 0) && (
        <Stack gap={2} mt={6} data-testid="editor-exercise-warning">
          {restriction && (
            <Text size="xs" c="red.8">
              {restriction}
            </Text>
          )}
          {checks.map((check) => (
            <Text key={check.id} size="xs" c={check.severity === 'block' ? 'red.8' : 'yellow.9'}>
              {t(check.severity === 'block' ? 'editor.checkBlocks' : 'editor.checkWarns', {
                id: check.id,
                reason: check.reason,
              })}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function AddSession({
  takenDays,
  options,
  allowRestricted,
  onAdd,
}: {
  takenDays: Set<DiaSemana>;
  options: PickOption[];
  allowRestricted: boolean;
  onAdd: (dia: DiaSemana, nombre: string, exerciseId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const free = DIA_SEMANA_VALUES.filter((dia) => !takenDays.has(dia));
  const [dia, setDia] = useState<DiaSemana | null>(null);
  const [nombre, setNombre] = useState('');
  const [exerciseId, setExerciseId] = useState<string | null>(null);
  const chosenDay = dia && free.includes(dia) ? dia : null;
  return (
    <Card withBorder padding="md" data-testid="editor-add-session">
      <Title order={2} size="h5" mb="xs">
        {t('editor.training.addSession')}
      </Title>
      {free.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('editor.training.weekFull')}
        </Text>
      ) : (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            size="xs"
            w={140}
            label={t('editor.training.day')}
            data={free.map((value) => ({ value, label: t(enumLabelKey('dia', value)) }))}
            value={chosenDay}
            onChange={(value) => setDia(value as DiaSemana | null)}
          />
          <TextInput
            size="xs"
            w={200}
            label={t('editor.training.sessionName')}
            value={nombre}
            maxLength={120}
            onChange={(event) => setNombre(event.currentTarget.value)}
          />
          <OptionPicker
            label={t('editor.training.firstExercise')}
            options={options}
            allowRestricted={allowRestricted}
            value={exerciseId}
            w={260}
            onPick={setExerciseId}
          />
          <Button
            size="xs"
            leftSection={<IconPlus size={16} />}
            disabled={!chosenDay || !nombre.trim() || !exerciseId}
            onClick={() => {
              if (!chosenDay || !exerciseId) return;
              onAdd(chosenDay, nombre.trim(), exerciseId);
              setDia(null);
              setNombre('');
              setExerciseId(null);
            }}
          >
            {t('editor.training.addSessionButton')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
