import { Flex, InputNumber, Slider } from 'antd';

type Props = { value?: number | null; onChange?: (value: number | null) => void };

/** Slider and number box on one value (0–100); a Form.Item control. */
export function PercentInput({ value, onChange }: Props) {
  return (
    <Flex gap={16} align="center">
      <Slider min={0} max={100} value={value ?? 0} onChange={(v: number) => onChange?.(v)} style={{ flex: 1, maxWidth: 360 }} />
      <InputNumber
        min={0}
        max={100}
        precision={0}
        suffix="%"
        value={value ?? null}
        onChange={(v: number | null) => onChange?.(v)}
        data-testid="input-progress-pct"
        style={{ width: 110 }}
      />
    </Flex>
  );
}
