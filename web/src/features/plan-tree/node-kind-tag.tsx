import { Tag } from 'antd';
import type { NodeKind } from '../../api/types';
import { useT } from '../../i18n/use-t';

const COLOR: Record<NodeKind, string> = { part: 'magenta', article: 'blue', task: 'green', milestone: 'gold' };

export function NodeKindTag({ kind }: { kind: NodeKind }) {
  const t = useT();
  return <Tag color={COLOR[kind]}>{t(`node.kind.${kind}`)}</Tag>;
}
