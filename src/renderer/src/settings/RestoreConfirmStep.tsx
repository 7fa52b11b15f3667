import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictRule, TransferPreview } from '../api/coach-client';
import { ConflictRuleChoice, TransferPreviewTable } from './transfer-parts';

/*
 * A restore's last step: the chosen backup's preview against the database, the rule for what is
 * already there, whether its settings are applied too, and the confirmation (`exact` asks twice).
 */

const RULES: readonly ConflictRule[] = ['keep', 'replace', 'exact'];

export interface RestoreChoice {
  rule: ConflictRule;
  apply_settings: boolean;
}

export function RestoreConfirmStep({
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: TransferPreview;
  busy: boolean;
  onConfirm(choice: RestoreChoice): void;
  onCancel(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [rule, setRule] = useState<ConflictRule>('keep');
  const [applySettings, setApplySettings] = useState(false);
  const [exactConfirmed, setExactConfirmed] = useState(false);
  return (
    <Stack gap="sm">
      <Text fw={500}>{t('settings.backups.previewTitle')}</Text>
      <TransferPreviewTable preview={preview} testId="backup-preview" />
      <ConflictRuleChoice
        rules={RULES}
        value={rule}
        label={t('settings.backups.rule')}
        onChange={(next) => {
          setRule(next);
          setExactConfirmed(false);
        }}
        testId="backup-rule"
      />
      <Checkbox
        label={t('settings.backups.applySettings')}
        checked={applySettings}
        onChange={(e) => setApplySettings(e.currentTarget.checked)}
        data-testid="backup-apply-settings"
      />
      {rule === 'exact' && (
        <Checkbox
          color="red"
          label={t('settings.backups.confirmExact')}
          checked={exactConfirmed}
          onChange={(e) => setExactConfirmed(e.currentTarget.checked)}
          data-testid="backup-confirm-exact"
        />
      )}
      <Group>
        <Button
          color={rule === 'exact' ? 'red' : undefined}
          loading={busy}
          disabled={rule === 'exact' && !exactConfirmed}
          onClick={() => onConfirm({ rule, apply_settings: applySettings })}
          data-testid="backup-confirm"
        >
          {t('settings.backups.confirm')}
        </Button>
        <Button variant="subtle" disabled={busy} onClick={onCancel} data-testid="backup-cancel">
          {t('settings.backups.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
