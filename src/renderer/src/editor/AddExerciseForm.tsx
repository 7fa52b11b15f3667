import { useTranslation } from 'react-i18next';
import { OptionPicker, type PickOption } from './OptionPicker';

/** "Añadir ejercicio…": a catalog exercise added at the end of a session with the starting prescription. */
export function AddExerciseForm({
  session,
  options,
  allowRestricted,
  onAdd,
}: {
  /** The session as the coach reads it ("Lunes · Torso"). */
  session: string;
  options: PickOption[];
  allowRestricted: boolean;
  onAdd: (exerciseId: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <OptionPicker
      label={t('editor.training.addExerciseLabel', { session })}
      hideLabel
      placeholder={t('editor.training.addExercise')}
      options={options}
      allowRestricted={allowRestricted}
      value={null}
      w={320}
      testId="editor-add-exercise"
      onPick={onAdd}
    />
  );
}
