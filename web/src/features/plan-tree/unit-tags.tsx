import { Tag, Tooltip } from 'antd';
import type { TAssignment } from '../../api/types';
import { useT } from '../../i18n/use-t';

/** Units as tags; a Chongqing-side unit carries a 渝 mark. */
export function UnitTags({ units, color }: { units: readonly Pick<TAssignment, 'unitId' | 'unitName' | 'side'>[]; color?: string }) {
  const t = useT();
  if (units.length === 0) return <Tag>{t('assign.none')}</Tag>;
  return (
    <>
      {units.map((u) => (
        <Tag key={u.unitId} color={color} data-side={u.side}>
          {u.side === 'chongqing' && (
            <Tooltip title={t('assign.chongqingHint')}>
              <Tag color="orange" style={{ marginInlineEnd: 4, padding: '0 2px', lineHeight: '16px' }}>
                {t('assign.chongqing')}
              </Tag>
            </Tooltip>
          )}
          {u.unitName}
        </Tag>
      ))}
    </>
  );
}
