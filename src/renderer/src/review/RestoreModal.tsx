import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanKind } from '@shared/plan-delivery';
import { VERSION_NOTE_MAX } from '@shared/plan-versions';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { isVersionConflict } from './ConflictNotice';
import { FormError } from '../components/FormError';

/** "Restaurar": the older version's content comes back as a new version on top (never a rewrite). */
export function RestoreModal({
  kind,
  planId,
  version,
  current,
  onClose,
  onRestored,
  onConflict,
}: {
  kind: PlanKind;
  planId: string;
  /** The version whose content comes back. */
  version: number;
  /** The current version (the restore goes on top of it). */
  current: number;
  onClose(): void;
  onRestored(newVersion: number): void;
  onConflict(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const next = current + 1;

  async function restore(): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      const trimmed = note.trim();
      const saved = await api.restorePlanVersion({
        kind,
        plan_id: planId,
        version,
        base_version: current,
        ...(trimmed ? { note: trimmed } : {}),
      });
      notifications.show({
        color: 'teal',
        message: t('review.restore.done', { version, next: saved.version }),
      });
      onRestored(saved.version);
    } catch (error) {
      if (isVersionConflict(error)) onConflict();
      else setFailure(`${t('review.restore.failed')}: ${errorText(error, t)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('review.restore.title', { version })}
      data-testid="restore-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">{t('review.restore.text', { version, next })}</Text>
        <Textarea
          label={t('review.restore.note')}
          placeholder={t('review.restore.notePlaceholder')}
          value={note}
          maxLength={VERSION_NOTE_MAX}
          autosize
          minRows={2}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-testid="restore-note"
        />
        <FormError message={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void restore()} loading={busy} data-testid="restore-confirm">
            {t('review.restore.confirm', { next })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
