import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../components/error-text';
import { FactRowInputs } from './FactRowInputs';
import {
  correctionTopics,
  emptyRow,
  factsOf,
  rowsOf,
  type CorrectionFact,
  type FactRow,
  type RowProblem,
} from './reading-codes';
import type { AnswerLine } from './reading-lines';

/** The most a note may say (the stored correction's limit). */
const NOTE_MAX = 500;

export interface CorrectionEditorProps {
  line: AnswerLine;
  onSave(facts: CorrectionFact[], note: string | null): Promise<void>;
  onClose(): void;
}

/**
 * "Corregir": what an answer declares, in the coach's words as facts (kind + what, a food by
 * name, an injury's status) and an optional note. Saving with no fact says the answer declares
 * nothing.
 */
export function CorrectionEditor({ line, onSave, onClose }: CorrectionEditorProps): React.JSX.Element {
  const { t } = useTranslation();
  const topics = correctionTopics(line.isGoal);
  // Rows keep an id of their own: removing one must not hand its inputs' state to the next.
  const nextId = useRef(0);
  const keyed = (row: FactRow) => ({ id: nextId.current++, row });
  const [rows, setRows] = useState(() => rowsOf(line.facts, t).map(keyed));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<(RowProblem | null)[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A new fact starts with the kind of the answer's question, the likeliest to be meant.
  const firstTopic = line.reviews[0]?.topic ?? line.facts[0]?.topic ?? topics[0] ?? 'alergia';

  function change(index: number, row: FactRow): void {
    setRows((list) => list.map((old, i) => (i === index ? { ...old, row } : old)));
    setProblems((list) => list.map((problem, i) => (i === index ? null : problem)));
  }

  function remove(index: number): void {
    setRows((list) => list.filter((_, i) => i !== index));
    setProblems((list) => list.filter((_, i) => i !== index));
  }

  async function save(): Promise<void> {
    const result = factsOf(rows.map((entry) => entry.row));
    if ('problems' in result) {
      setProblems(result.problems);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSave(result.facts, note.trim() === '' ? null : note.trim());
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reading.editor.title', { field: line.label })}
      size="xl"
      centered
    >
      <Stack data-testid="reading-editor">
        {line.text !== null && (
          <div>
            <Text size="sm" fw={500}>
              {t('reading.editor.answer')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('reading.verbatim', { text: line.text })}
            </Text>
          </div>
        )}
        <Text size="sm" fw={500}>
          {t('reading.editor.facts')}
        </Text>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="reading-editor-empty">
            {t('reading.editor.empty')}
          </Text>
        )}
        {rows.map(({ id, row }, index) => (
          <FactRowInputs
            key={id}
            row={row}
            topics={topics}
            problem={problems[index] ?? null}
            onChange={(next) => change(index, next)}
            onRemove={() => remove(index)}
            testId={`reading-editor-row-${index}`}
          />
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setRows((list) => [...list, keyed(emptyRow(firstTopic))])}
            data-testid="reading-editor-add"
          >
            {t('reading.editor.add')}
          </Button>
        </Group>
        <Textarea
          label={t('reading.editor.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={NOTE_MAX}
          autosize
          minRows={2}
          data-testid="reading-editor-note"
        />
        {error && (
          <Text c="red" size="sm" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="reading-editor-save">
            {t('reading.editor.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
