import { App, type FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../i18n/use-error-text';
import { toFormFieldErrors } from './field-errors';

/**
 * The one error path of an edit form: a stale save (409 VERSION_CONFLICT) goes to `onConflict`, which
 * reloads and says so in the form's own way; field errors go on their fields; anything else to a message.
 */
export function useFormErrorHandler<N extends string>(form: FormInstance, fields: readonly N[], onConflict: () => void) {
  const errorText = useErrorText();
  const { message } = App.useApp();
  return (err: Error) => {
    if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
      onConflict();
      return;
    }
    if (err instanceof ApiError && err.fields.length > 0) {
      const { errors, complete } = toFormFieldErrors(err.fields, fields);
      form.setFields(errors);
      if (complete) return;
    }
    void message.error(errorText(err));
  };
}
