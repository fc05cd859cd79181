import { Flex, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { SUPERVISION_LEVELS, SUPERVISION_STATES, type SupervisionListParams, type TSupervisionItem } from '../../api/supervision';
import type { TList } from '../../api/types';
import { formatTime } from '../common/format-time';
import { useT } from '../../i18n/use-t';
import { filterUnitOption, useUnitOptions } from '../import/use-unit-options';
import { isOverdue, LevelTag, SupervisionStateTag } from './supervision-tags';

type Props = {
  data: TList<TSupervisionItem> | undefined;
  loading: boolean;
  params: SupervisionListParams;
  onParams: (patch: Partial<SupervisionListParams>) => void;
  /** Office staff filter by unit; a unit sees its own items only. */
  unitFilter: boolean;
};

/** The 督办台账: every item the caller may see, newest first, with filters. */
export function SupervisionTable({ data, loading, params, onParams, unitFilter }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const units = useUnitOptions();
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          data-testid="filter-supervision-state"
          allowClear
          placeholder={t('supervision.state')}
          style={{ width: 140 }}
          value={params.state}
          onChange={(state) => onParams({ state, page: 1 })}
          options={SUPERVISION_STATES.map((s) => ({ value: s, label: t(`supervision.state.${s}`) }))}
        />
        <Select
          data-testid="filter-supervision-level"
          allowClear
          placeholder={t('supervision.level')}
          style={{ width: 140 }}
          value={params.level}
          onChange={(level) => onParams({ level, page: 1 })}
          options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`supervision.level.${l}`) }))}
        />
        {unitFilter && (
          <Select
            data-testid="filter-supervision-unit"
            allowClear
            placeholder={t('supervision.filterUnit')}
            style={{ width: 260 }}
            value={params.unitId}
            onChange={(unitId: string | undefined) => onParams({ unitId, page: 1 })}
            options={units.options}
            showSearch={{ filterOption: filterUnitOption }}
          />
        )}
      </Flex>
      <Table<TSupervisionItem>
        data-testid="supervision-table"
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        onRow={(item) => ({ onClick: () => navigate(`/supervision/${item.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (count) => t('common.total', { count }),
          onChange: (page, pageSize) => onParams({ page, pageSize }),
        }}
        scroll={{ x: 960 }}
        columns={[
          { title: t('supervision.level'), dataIndex: 'level', width: 80, render: (_, item) => <LevelTag level={item.level} /> },
          {
            title: t('supervision.task'),
            key: 'task',
            render: (_, item) => (
              <span>
                <Typography.Text type="secondary">{item.nodeCode}</Typography.Text> {item.nodeTitle}
              </span>
            ),
          },
          { title: t('supervision.unit'), dataIndex: 'unitName', width: 160 },
          { title: t('supervision.message'), dataIndex: 'message', ellipsis: true },
          {
            title: t('supervision.responseDueOn'),
            dataIndex: 'responseDueOn',
            width: 120,
            render: (due: string, item) =>
              isOverdue(item, today) ? (
                <Typography.Text type="danger" title={t('supervision.overdue')}>
                  {due}
                </Typography.Text>
              ) : (
                due
              ),
          },
          { title: t('supervision.state'), dataIndex: 'state', width: 90, render: (_, item) => <SupervisionStateTag state={item.state} /> },
          { title: t('supervision.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
        ]}
      />
    </Flex>
  );
}
