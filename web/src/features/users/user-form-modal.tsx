import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { ROLES, type Role, type TUser } from '../../api/types';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { toFormFieldErrors } from '../common/field-errors';
import { UnitSelect } from '../units/unit-select';

type Values = { username: string; displayName: string; unitId: string; roles: Role[]; password: string; active: boolean };

const FIELDS: readonly (keyof Values)[] = ['username', 'displayName', 'unitId', 'roles', 'password', 'active'];

/** `user` undefined → create (with an initial password); otherwise edit. */
export function UserFormModal({ user, onClose }: { user?: TUser; onClose: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const create = useCreateUser();
  const update = useUpdateUser();

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
      const { errors, complete } = toFormFieldErrors(err.fields, FIELDS);
      form.setFields(errors);
      if (complete) return;
    } else if (err instanceof ApiError && err.code === 'USER_EXISTS') {
      form.setFields([{ name: 'username', errors: [errorText(err)] }]);
      return;
    } else if (err instanceof ApiError && err.code === 'PASSWORD_POLICY') {
      form.setFields([{ name: 'password', errors: [errorText(err)] }]);
      return;
    }
    setError(err);
  };

  const done = () => {
    void message.success(t('common.saved'));
    onClose();
  };

  const submit = (v: Values) => {
    setError(null);
    if (user) {
      const patch = { version: user.version, displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles, active: v.active };
      update.mutate({ userId: user.id, patch }, { onSuccess: done, onError: fail });
    } else {
      const body = { username: v.username.trim(), displayName: v.displayName.trim(), unitId: v.unitId, roles: v.roles, password: v.password };
      create.mutate(body, { onSuccess: done, onError: fail });
    }
  };

  return (
    <Modal
      open
      title={t(user ? 'user.editTitle' : 'user.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="user-form"
        onFinish={submit}
        initialValues={user ?? { roles: ['reporter'], active: true }}
      >
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={[
            { required: true, whitespace: true, message: t('user.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: t('user.usernameFormat') },
          ]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('user.displayNameRequired') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="unitId" label={t('user.unit')} rules={[{ required: true, message: t('user.unitRequired') }]}>
          <UnitSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('user.rolesRequired') }]}>
          <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {user ? (
          <Form.Item name="active" label={t('user.active')} valuePropName="checked">
            <Switch checkedChildren={t('user.activeYes')} unCheckedChildren={t('user.activeNo')} />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('user.initialPassword')}
            extra={t('auth.passwordPolicy')}
            rules={[{ required: true, message: t('user.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
