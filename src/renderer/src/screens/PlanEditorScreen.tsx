import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The coach's editor of one plan (`/plans/:kind/:planId/edit`; issue 16). */
export function PlanEditorScreen(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Title order={1} size="h2">
      {t('editor.title')}
    </Title>
  );
}
