import { Badge, Button, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadingCorrectionInput } from '@shared/reading-api';
import { errorText } from '../components/error-text';
import { CorrectionEditor } from './CorrectionEditor';
import type { CorrectionFact } from './reading-codes';
import type { AnswerLine } from './reading-lines';

export type CorrectReading = (correction: ReadingCorrectionInput) => Promise<void>;

function ReviewReasons({ line }: { line: AnswerLine }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {line.reviews.map((review) => (
        <Group key={review.id} gap={6} wrap="nowrap" align="flex-start" data-testid="reading-why">
          <ThemeIcon color="orange" variant="light" size="sm" aria-hidden>
            <IconAlertTriangle size={14} />
          </ThemeIcon>
          <Text size="sm" fw={500}>
            {review.why}
          </Text>
        </Group>
      ))}
      {!line.correctable && (
        <Text size="xs" c="dimmed">
          {t('reading.typedHint')}
        </Text>
      )}
    </Stack>
  );
}

type Busy = 'confirm' | 'none' | null;

/** The coach's answers to one reading: as read, nothing declared, or corrected in the editor. */
function CorrectionActions({
  line,
  text,
  onCorrect,
}: {
  line: AnswerLine;
  text: string;
  onCorrect: CorrectReading;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  async function store(findings: CorrectionFact[], note: string | null, action: Busy): Promise<void> {
    setBusy(action);
    setError(null);
    try {
      await onCorrect({ field: line.field, text, findings, ...(note ? { note } : {}) });
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(null);
    }
  }

  // "Es correcto" needs something read and not yet confirmed; a corrected-empty line already says
  // "No declara nada".
  const canConfirm = line.facts.length > 0 && !line.corrected;
  const canClear = !(line.corrected && line.facts.length === 0);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {canConfirm && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconCheck size={14} />}
            loading={busy === 'confirm'}
            disabled={busy !== null}
            onClick={() => void store(line.facts, null, 'confirm')}
            aria-label={t('reading.actions.confirmLabel', { field: line.label })}
            data-testid="reading-confirm"
          >
            {t('reading.actions.confirm')}
          </Button>
        )}
        {canClear && (
          <Button
            size="compact-sm"
            variant="default"
            loading={busy === 'none'}
            disabled={busy !== null}
            onClick={() => void store([], null, 'none')}
            aria-label={t('reading.actions.noneLabel', { field: line.label })}
            data-testid="reading-none"
          >
            {t('reading.actions.none')}
          </Button>
        )}
        <Button
          size="compact-sm"
          variant="default"
          disabled={busy !== null}
          onClick={() => setEditing(true)}
          aria-label={t('reading.actions.correctLabel', { field: line.label })}
          data-testid="reading-correct"
        >
          {t('reading.actions.correct')}
        </Button>
      </Group>
      {error && (
        <Text c="red" size="sm" role="alert" style={{ whiteSpace: 'pre-wrap' }}>
          {error}
        </Text>
      )}
      {editing && (
        <CorrectionEditor
          line={line}
          onClose={() => setEditing(false)}
          onSave={async (facts, note) => {
            await onCorrect({ field: line.field, text, findings: facts, ...(note ? { note } : {}) });
            setEditing(false);
          }}
        />
      )}
    </Stack>
  );
}

/** One answer: its label, the client's words, what was understood, why it needs a look. */
export function ReadingAnswer({
  line,
  onCorrect,
}: {
  line: AnswerLine;
  /** Without it the answer is shown read-only (the form's live reading). */
  onCorrect?: CorrectReading;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid={`reading-answer-${line.field}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={700}>
            {line.label}
          </Text>
          {line.corrected && (
            <Badge variant="light" data-testid="reading-corrected">
              {t('reading.corrected')}
            </Badge>
          )}
        </Group>
        {line.text !== null && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {t('reading.verbatim', { text: line.text })}
          </Text>
        )}
        {line.understood && (
          <Text size="sm" fw={500} data-testid="reading-understood">
            {line.understood}
          </Text>
        )}
        {line.reviews.length > 0 && <ReviewReasons line={line} />}
        {onCorrect && line.correctable && line.text !== null && (
          <CorrectionActions line={line} text={line.text} onCorrect={onCorrect} />
        )}
      </Stack>
    </Paper>
  );
}
