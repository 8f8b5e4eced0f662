import { useAtlas } from '../state/store';

export function BackendBadge() {
  const backend = useAtlas((s) => s.backend);
  if (backend.kind === 'pending') return null;
  const gpu = backend.kind === 'gpu';
  return (
    <span
      className={gpu ? 'badge backend gpu' : 'badge backend cpu'}
      data-testid="backend-badge"
      data-backend={backend.kind}
      title={
        gpu
          ? `WebGPU: ${backend.adapter}`
          : `No WebGPU here (${backend.reason}); computing on the CPU`
      }
    >
      {gpu ? 'GPU' : 'CPU'}
    </span>
  );
}
