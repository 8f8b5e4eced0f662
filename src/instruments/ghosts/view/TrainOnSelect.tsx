/**
 * Where a trained-model mode trains, and the badge that says where it did. The GPU path is f32
 * and replays bit for bit on one device; the CPU oracle is f64 and replays bit for bit anywhere.
 */
import type { OpsBackend } from '../../../models/mlp/ops';
import type { TrainOnId } from '../link';
import { Select } from '../../../ui/Select';

export function TrainOnSelect({
  value,
  onChange,
  testId,
}: {
  value: TrainOnId;
  onChange: (train: TrainOnId) => void;
  testId: string;
}) {
  return (
    <Select<TrainOnId>
      label="train on"
      value={value}
      testId={testId}
      options={[
        { value: 'auto', label: 'GPU if available (f32)' },
        { value: 'cpu', label: 'CPU (f64, exact anywhere)' },
      ]}
      onChange={onChange}
    />
  );
}

/** "GPU" or "CPU" and the detail behind it (the adapter, or why not the GPU). */
export function TrainBadge({
  backend,
  note,
  testId,
}: {
  backend: OpsBackend | null;
  note: string;
  testId: string;
}) {
  const label =
    backend === null ? 'starting…' : backend === 'gpu' ? 'trained on GPU' : 'trained on CPU';
  return (
    <span className={`badge backend ${backend ?? ''}`} data-testid={testId} title={note}>
      {label}
    </span>
  );
}
