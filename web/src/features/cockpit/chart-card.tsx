import { Card } from 'antd';
import type { EChartsOption } from 'echarts';
import type { ReactNode } from 'react';
import { EChart, type ChartClick } from '../../charts/echart';

type Props = {
  title: ReactNode;
  extra?: ReactNode;
  option: EChartsOption;
  height: number;
  dark: boolean;
  testId: string;
  onClick?: (params: ChartClick) => void;
  footer?: ReactNode;
};

export function ChartCard({ title, extra, option, height, dark, testId, onClick, footer }: Props) {
  return (
    <Card title={title} extra={extra} size="small" style={{ height: '100%' }} styles={{ body: { padding: 12 } }}>
      <EChart option={option} height={height} dark={dark} onClick={onClick} testId={testId} ariaLabel={typeof title === 'string' ? title : undefined} />
      {footer}
    </Card>
  );
}
