import type { Provenance } from '../gpu/choice';

/** "GPU" or "CPU" for one result, with the adapter or the reason in its title. */
export function BackendBadge({
  provenance,
  testId = 'backend-badge',
}: {
  provenance: Provenance | null;
  testId?: string;
}) {
  if (provenance === null) return null;
  const gpu = provenance.kind === 'gpu';
  return (
    <span
      className={gpu ? 'badge backend gpu' : 'badge backend cpu'}
      data-testid={testId}
      data-backend={provenance.kind}
      title={gpu ? `WebGPU: ${provenance.adapter}` : `Computed on the CPU: ${provenance.reason}`}
    >
      {gpu ? 'GPU' : 'CPU'}
    </span>
  );
}
