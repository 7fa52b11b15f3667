import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ownMessage, type ObjectFieldSpec, type ResponsesForm } from './fields';
import { FieldGroup } from './FieldGroup';
import { labelMessage } from './labels';
import { RecordFields } from './RecordFields';

/** A small sub-record edited in place (medical clearance, consents). */
export function ObjectField({
  spec,
  control,
}: {
  spec: ObjectFieldSpec;
  control: Control<ResponsesForm>;
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
