import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useT } from '../../i18n/use-t';
import { useFormErrorHandler } from '../common/use-form-error-handler';

/** The indicator forms' error path: a stale save reloads the indicators and says so in a message. */
export function useIndicatorErrorHandler<N extends string>(form: FormInstance, fields: readonly N[]) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useFormErrorHandler(form, fields, () => {
    void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    void message.warning(t('ind.conflict'));
  });
}
