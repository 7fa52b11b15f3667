import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactChange } from './client-contact';

/**
 * Asked before an import replaces the client's name, email or phone: what the client record says
 * and what the file says, side by side. Keeping the client's is the default (focused) answer;
 * closing the dialog imports nothing.
 */
export function ImportConflictModal({
  changes,
  onKeepClient,
  onUseFile,
  onCancel,
}: {
  changes: readonly ContactChange[];
  onKeepClient: () => void;
  onUseFile: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onCancel}
      title={t('questionnaire.importConflict.title')}
      size="lg"
      centered
      data-testid="import-conflict"
    >
      <Stack>
        <Text size="sm">{t('questionnaire.importConflict.intro')}</Text>
        <Table data-testid="import-conflict-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('questionnaire.importConflict.field')}</Table.Th>
              <Table.Th>{t('questionnaire.importConflict.client')}</Table.Th>
              <Table.Th>{t('questionnaire.importConflict.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((change) => (
              <Table.Tr key={change.field} data-testid={`import-conflict-${change.field}`}>
                <Table.Th scope="row">{t(`questionnaire.fields.${change.field}`)}</Table.Th>
                <Table.Td>{change.client}</Table.Td>
                <Table.Td>{change.file}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button variant="default" onClick={onUseFile} data-testid="import-use-file">
            {t('questionnaire.importConflict.useFile')}
          </Button>
          <Button onClick={onKeepClient} data-autofocus data-testid="import-keep-client">
            {t('questionnaire.importConflict.keepClient')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
