/**
 * The rotatable 3-D view (SVG, plain projection): faint individual features, centred class means
 * with a stem from the origin, classifier rows (dashed, to their own scale) and the nearest
 * simplex ETF as a wireframe. Drag to rotate, or arrow keys while focused; a flick keeps turning
 * briefly unless the reader prefers reduced motion.
 */
import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type Ref,
} from 'react';
import { FigureSvg, useSvgFigure, type FigureHandle } from '../../../plots/figure';
import { etfEdges } from '../science/display';
import {
  DEFAULT_CAMERA,
  classColor,
  clampPitch,
  maxRowNorm,
  project,
  type Camera,
} from './projection';

export interface Simplex3dData {
  K: number;
  means: Float64Array;
  classifiers: Float64Array;
  etf: Float64Array;
  points: Float32Array;
  pointLabels: Uint8Array;
}

const DRAG_RADIANS_PER_PX = 0.01;
const KEY_STEP = Math.PI / 18;
const INERTIA_DECAY = 0.92;
const MARGIN = { left: 8, right: 8, top: 26, bottom: 8 };

const reducedMotion = (): boolean =>
  typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function Simplex3d(props: {
  data: Simplex3dData | null;
  size: number;
  title: string;
  colors: { text: string; background: string; muted: string };
  ref?: Ref<FigureHandle>;
}) {
  const { data, size, title, colors, ref } = props;
  const svgRef = useSvgFigure(ref, colors.background);
  const [cam, setCam] = useState<Camera>(DEFAULT_CAMERA);
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | null>(null);
  const spin = useRef<number | null>(null);

  const stopSpin = () => {
    if (spin.current !== null) cancelAnimationFrame(spin.current);
    spin.current = null;
  };
  useEffect(() => stopSpin, []);

  const turn = (dyaw: number, dpitch: number) =>
    setCam((c) => ({ yaw: c.yaw + dyaw, pitch: clampPitch(c.pitch + dpitch) }));

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    stopSpin();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, vx: 0, vy: 0 };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    drag.current = { x: e.clientX, y: e.clientY, vx: dx, vy: dy };
    turn(dx * DRAG_RADIANS_PER_PX, dy * DRAG_RADIANS_PER_PX);
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (!d || reducedMotion() || Math.hypot(d.vx, d.vy) < 2) return;
    let vx = d.vx * DRAG_RADIANS_PER_PX;
    let vy = d.vy * DRAG_RADIANS_PER_PX;
    const tick = () => {
      vx *= INERTIA_DECAY;
      vy *= INERTIA_DECAY;
      turn(vx, vy);
      spin.current = Math.hypot(vx, vy) > 1e-3 ? requestAnimationFrame(tick) : null;
    };
    spin.current = requestAnimationFrame(tick);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, -KEY_STEP],
      ArrowDown: [0, KEY_STEP],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    stopSpin();
    turn(m[0], m[1]);
  };

  const w = size - MARGIN.left - MARGIN.right;
  const h = size - MARGIN.top - MARGIN.bottom;
  const r = 0.4 * Math.min(w, h);
  const cx = w / 2;
  const cy = h / 2;
  const K = data?.K ?? 0;
  const meanScale = data ? maxRowNorm(data.means, K) || 1 : 1;
  const wScale = data ? maxRowNorm(data.classifiers, K) || 1 : 1;
  const at = (a: ArrayLike<number>, i: number, s: number) => {
    const p = project((a[3 * i] ?? 0) / s, (a[3 * i + 1] ?? 0) / s, (a[3 * i + 2] ?? 0) / s, cam);
    return { x: cx + r * p.x, y: cy - r * p.y, depth: p.depth };
  };
  const origin = { x: cx, y: cy };
  const nPoints = data ? data.pointLabels.length : 0;

  return (
    <FigureSvg
      ref={svgRef}
      data-testid="collapse-3d"
      data-chart="simplex-3d"
      data-yaw={cam.yaw.toFixed(4)}
      data-pitch={cam.pitch.toFixed(4)}
      width={size}
      height={size}
      title={title}
      plot={MARGIN}
      titleColor={colors.text}
      tabIndex={0}
      className="collapse-3d"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      {data && (
        <>
          <g data-testid="collapse-3d-features" opacity={0.28}>
            {Array.from({ length: nPoints }, (_, i) => {
              const p = at(data.points, i, meanScale);
              return (
                <circle
                  key={i}
                  cx={p.x}
                  cy={p.y}
                  r={1.6}
                  fill={classColor(data.pointLabels[i] ?? 0)}
                />
              );
            })}
          </g>
          <g data-testid="collapse-3d-etf" stroke={colors.muted} strokeWidth={1} fill="none">
            {etfEdges(K).map(([a, b]) => {
              const p = at(data.etf, a, meanScale);
              const q = at(data.etf, b, meanScale);
              return <line key={`${a}-${b}`} x1={p.x} y1={p.y} x2={q.x} y2={q.y} />;
            })}
          </g>
          {Array.from({ length: K }, (_, k) => {
            const m = at(data.means, k, meanScale);
            const c = at(data.classifiers, k, wScale);
            const color = classColor(k);
            return (
              <g key={k} data-testid={`collapse-3d-class-${k}`}>
                <line
                  x1={origin.x}
                  y1={origin.y}
                  x2={c.x}
                  y2={c.y}
                  stroke={color}
                  strokeWidth={2}
                  strokeDasharray="5 4"
                />
                <path d={`M${c.x},${c.y - 6}l5,6l-5,6l-5,-6z`} fill={color} />
                <line
                  x1={origin.x}
                  y1={origin.y}
                  x2={m.x}
                  y2={m.y}
                  stroke={color}
                  strokeWidth={2.5}
                />
                <circle cx={m.x} cy={m.y} r={6} fill={color} stroke={colors.background} />
              </g>
            );
          })}
        </>
      )}
      <text x={4} y={h - 4} fill={colors.muted} fontSize={11}>
        drag or arrow keys to rotate
      </text>
    </FigureSvg>
  );
}
