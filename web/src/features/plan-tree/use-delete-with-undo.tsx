import { App, Button, Space } from 'antd';
import { useDeleteNode, useRestoreNode } from '../../api/plans';
import type { TNode } from '../../api/types';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';

const UNDO_SECONDS = 10;

/**
 * Deleting moves the subtree to the recycle bin, so it can be undone: the success message
 * carries an Undo button that calls the restore endpoint.
 */
export function useDeleteWithUndo(planId: string, callbacks: { onDeleted: (node: TNode) => void; onRestored: (node: TNode) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const remove = useDeleteNode(planId);
  const restore = useRestoreNode(planId);

  const undo = (node: TNode, key: string) => {
    message.destroy(key);
    restore.mutate(node.id, {
      onSuccess: () => {
        void message.success(t('node.restored'));
        callbacks.onRestored(node);
      },
      onError: (err) => void message.error(errorText(err)),
    });
  };

  const deleteNode = (node: TNode) =>
    remove.mutateAsync({ nodeId: node.id, version: node.version }).then(
      ({ deleted }) => {
        const key = `deleted-${node.id}`;
        void message.open({
          key,
          type: 'success',
          duration: UNDO_SECONDS,
          content: (
            <Space>
              {t('node.deleted', { count: deleted })}
              <Button size="small" type="link" data-testid="btn-undo-delete" onClick={() => undo(node, key)}>
                {t('common.undo')}
              </Button>
            </Space>
          ),
        });
        callbacks.onDeleted(node);
      },
      (err: unknown) => void message.error(errorText(err)),
    );

  return { deleteNode, deleting: remove.isPending };
}
