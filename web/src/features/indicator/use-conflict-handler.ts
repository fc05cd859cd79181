import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';

/** One error path for the indicator forms: 409 reloads and says so, field errors go on their fields, the rest to a message. */
export function useIndicatorErrorHandler<N extends string>(form: FormInstance, fields: readonly N[]) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (err: Error) => {
    if (err instanceof ApiError && err.status === 409 && err.code === 'VERSION_CONFLICT') {
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
      void message.warning(t('ind.conflict'));
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
