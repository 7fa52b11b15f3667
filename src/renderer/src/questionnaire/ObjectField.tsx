import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ownMessage, type ObjectFieldSpec, type ResponsesForm } from './fields';
import { FieldGroup } from './FieldGroup';
import { ImportedAnswerNote, type ImportedField } from './ImportedAnswerNote';
import { labelMessage } from './labels';
import { RecordFields } from './RecordFields';

/** A small sub-record edited in place (medical clearance, consents). */
export function ObjectField({
  spec,
  control,
  imported,
}: {
  spec: ObjectFieldSpec;
  control: Control<ResponsesForm>;
  /** An answer imported as text this group cannot hold, shown above its inputs. */
  imported?: ImportedField;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Controller
      name={spec.name}
      control={control}
      render={({ field, fieldState }) => {
        const error = ownMessage(fieldState.error);
        return (
          <FieldGroup
            legend={t(`questionnaire.fields.${spec.name}`)}
            description={spec.described ? t(`questionnaire.descriptions.${spec.name}`) : undefined}
            error={error ? labelMessage(error, t) : undefined}
            testId={`q-${spec.name}`}
          >
            <ImportedAnswerNote imported={imported} value={field.value} />
            <RecordFields
              field={spec.name}
              path={spec.name}
              testId={`q-${spec.name}`}
              fields={spec.fields}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error}
              inputRef={field.ref}
            />
          </FieldGroup>
        );
      }}
    />
  );
}
