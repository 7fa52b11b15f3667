import { ActionIcon, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PrescribedExercise } from '@shared/agent-outputs/training';
import type { TrainingEdit } from '@shared/plan-edits';
import { EditNumber, EditText } from './fields';
import { OptionPicker, type PickOption } from './OptionPicker';
import type { CheckNote } from './training-shared';

/**
 * One exercise of a session: swapped, moved, removed, its prescription edited in place, and why the
 * client should not do it (restriction, failing checks that name it).
 */
export function ExerciseRow({
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
