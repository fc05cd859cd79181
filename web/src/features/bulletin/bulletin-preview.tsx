import { Progress, Table, Typography } from 'antd';
import type { TBulletinBlock, TBulletinDetail } from '../../api/bulletins';

// A screen rendering of the bulletin's content model, in the spirit of the printed page (red 版头,
// centered title, indented body); the Word and PDF files are drawn from the same blocks.
const page: React.CSSProperties = { maxWidth: 794, margin: '0 auto', padding: '40px 56px', background: '#fff', boxShadow: '0 1px 6px rgba(0,0,0,.12)', fontFamily: "'FangSong', '仿宋', 'STFangsong', serif", fontSize: 16, lineHeight: '28px' };
const indent: React.CSSProperties = { textIndent: '2em', margin: 0 };

function Block({ b }: { b: TBulletinBlock }) {
  switch (b.kind) {
    case 'heading':
      return <p style={{ ...indent, fontFamily: b.level === 1 ? "'SimHei', '黑体', sans-serif" : "'KaiTi', '楷体', serif" }}>{b.text}</p>;
    case 'paragraph':
      return (
        <p style={indent}>
          {b.lead}
          {b.text}
        </p>
      );
    case 'table':
      return (
        <div style={{ margin: '8px 0 12px' }}>
          <Typography.Text strong style={{ display: 'block', textAlign: 'center' }}>
            {b.table.caption}
          </Typography.Text>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={b.table.rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])))}
            columns={b.table.columns.map((title, i) => ({ title, dataIndex: String(i), key: String(i) }))}
          />
        </div>
      );
    case 'chart': {
      const max = b.chart.unit === '%' ? 100 : Math.max(1, ...b.chart.data.map((d) => d.value));
      return (
        <div style={{ margin: '8px 0 12px', fontSize: 13, lineHeight: '20px' }}>
          {b.chart.data.map((d) => (
            <div key={d.label} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <span style={{ width: 220, textAlign: 'right', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}>{d.label}</span>
              <Progress style={{ flex: 1, margin: 0 }} percent={(d.value / max) * 100} format={() => `${d.value}${b.chart.unit}`} />
            </div>
          ))}
          <div style={{ textAlign: 'center' }}>{b.chart.caption}</div>
        </div>
      );
    }
  }
}

export function BulletinPreview({ bulletin }: { bulletin: TBulletinDetail }) {
  const { content } = bulletin;
  return (
    <div style={{ background: '#f0f2f5', padding: 16 }} data-testid="bulletin-preview">
      <div style={page}>
        <div style={{ color: '#e60012', textAlign: 'center', fontSize: 26, lineHeight: '36px', fontFamily: "'STZhongsong', '华文中宋', serif", fontWeight: 600 }}>{content.meta.issuingBody}</div>
        <div style={{ textAlign: 'center', marginTop: 16 }}>{content.meta.number}</div>
        <div style={{ borderBottom: '2px solid #e60012', margin: '6px 0 28px' }} />
        <div style={{ textAlign: 'center', fontSize: 22, lineHeight: '35px', fontWeight: 600, fontFamily: "'STZhongsong', '华文中宋', serif", marginBottom: 16 }}>{content.meta.title}</div>
        <p style={{ margin: 0 }}>各有关单位：</p>
        {content.blocks.map((b, i) => (
          <Block key={i} b={b} />
        ))}
        <p style={{ textAlign: 'right', marginTop: 56 }}>{content.meta.issuingBody}</p>
        <p style={{ textAlign: 'right' }}>{content.dateText}</p>
      </div>
    </div>
  );
}
