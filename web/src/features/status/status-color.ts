import type { Status } from '../../api/types';

/** One colour per status, used for tags, dots and progress bars alike (red/yellow/green as leaders read them). */
export const STATUS_COLOR: Record<Status, string> = {
  red: '#f5222d',
  yellow: '#faad14',
  green: '#52c41a',
  not_started: '#bfbfbf',
  completed: '#1677ff',
  cancelled: '#8c8c8c',
};

/** antd Tag preset colours for the same statuses. */
export const STATUS_TAG_COLOR: Record<Status, string> = {
  red: 'error',
  yellow: 'warning',
  green: 'success',
  not_started: 'default',
  completed: 'processing',
  cancelled: 'default',
};
