import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconDeviceFloppy, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { VERSION_COACH_MAX, VERSION_NOTE_MAX } from '@shared/plan-versions';
import { ClientError } from '../api/coach-client';
import { errorText } from '../components/error-text';
import type { EditorKind, EditSession } from './useEditSession';

/**
 * Undo, discard, and saving the pending edits as the next version (a draft) with the coach's note.
 * Someone else's save in between (`plan_version_conflict`) is explained; the coach chooses whether
 * to reload the newer version and lose these edits.
 */
export function SavePanel<K extends EditorKind>({
  session,
  onReload,
}: {
  session: EditSession<K>;
  /** Loads the current version again (the pending edits are dropped). */
  onReload: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  const [coach, setCoach] = useState('');
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = session.baseVersion + 1;
  const count = session.edits.length;
  const failed = session.applied.failed !== undefined;

  async function save(): Promise<void> {
    setSaving(true);
    setError(null);
    try {
      const saved = await session.save(note, coach);
      notifications.show({ color: 'teal', message: t('editor.save.saved', { version: saved.version }) });
      void navigate(`/plan/${encodeURIComponent(saved.plan.job_id)}`);
    } catch (failure) {
      if (failure instanceof ClientError && failure.code === 'plan_version_conflict') setConflict(true);
      else setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="editor-save">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('editor.save.title')}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconArrowBackUp size={16} />}
            onClick={session.undo}
            disabled={count === 0 || saving}
            data-testid="editor-undo"
          >
            {t('editor.undo')}
          </Button>
          <Button
            variant="default"
            size="xs"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={session.discard}
            disabled={count === 0 || saving}
            data-testid="editor-discard"
          >
            {t('editor.discard')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" data-testid="editor-pending-count">
          {t('editor.pending', { count })}
        </Text>
        <Textarea
          label={t('editor.save.note')}
          placeholder={t('editor.save.notePlaceholder')}
          description={t('editor.save.noteHint')}
          value={note}
          maxLength={VERSION_NOTE_MAX}
          autosize
          minRows={2}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="editor-note"
        />
        <TextInput
          label={t('editor.save.coach')}
          value={coach}
          maxLength={VERSION_COACH_MAX}
          onChange={(event) => setCoach(event.currentTarget.value)}
          data-testid="editor-coach"
        />
        {conflict ? (
          <Alert color="orange" title={t('editor.save.conflictTitle')} data-testid="editor-conflict">
            <Text size="sm" mb="sm">
              {t('editor.save.conflict', { version: session.baseVersion })}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                color="orange"
                leftSection={<IconRefresh size={16} />}
                onClick={() => {
                  setConflict(false);
                  onReload();
                }}
                data-testid="editor-conflict-reload"
              >
                {t('editor.save.reload')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConflict(false)}>
                {t('editor.save.keepEditing')}
              </Button>
            </Group>
          </Alert>
        ) : (
          error !== null && (
            <Alert color="red" data-testid="editor-save-error">
              {errorText(error, t)}
            </Alert>
          )
        )}
        <Button
          leftSection={<IconDeviceFloppy size={18} />}
          onClick={() => void save()}
          loading={saving}
          disabled={count === 0 || failed || conflict}
          data-testid="editor-save-button"
        >
          {t('editor.save.button', { version: next })}
        </Button>
        <Text size="xs" c="dimmed">
          {t('editor.save.draftHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
