import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { refusalText } from './refusal';
import type { EditorKind, EditorKinds, EditSession } from './useEditSession';

/**
 * The editors' one way to add an edit: tried on the current plan first; a refused edit is not added
 * and the coach is told why in a red notification.
 */
export function usePushEdit<K extends EditorKind>(
  session: EditSession<K>,
): (edit: EditorKinds[K]['edit']) => void {
  const { t } = useTranslation();
  return (edit) => {
    const result = session.push(edit);
    if (!result.ok) {
      notifications.show({
        color: 'red',
        title: t('editor.refused'),
        message: refusalText(result.errors, t),
      });
    }
  };
}
