/**
 * `controls=` for embeds: a lecturer leaves one or two controls live on a slide. Controls say
 * which link keys they set with `data-link-keys` (space-separated, e.g. "z a y"); the shell
 * writes one stylesheet that hides every other control, every hint and every fieldset left
 * empty. It is done once here, so every instrument inherits it by labelling its controls.
 */
import { useAtlas } from '../state/store';

/** Whether a view draws its controls: always outside an embed, in one only when some are chosen. */
export function useShowsControls(embed: boolean): boolean {
  const chosen = useAtlas((s) => s.params.controls.length > 0);
  return !embed || chosen;
}

/**
 * The rules that leave only the chosen controls. The names were checked against the view's
 * link keys by the codec, and are escaped anyway so no link can write CSS.
 */
export function controlsCss(keys: readonly string[]): string {
  const shown = keys.map((k) => `[data-link-keys~="${CSS.escape(k)}"]`).join(',');
  const scope = '.app.embed .controls';
  return [
    `${scope} [data-link-keys]:not(${shown}),`,
    `${scope} > :not(:is(${shown})):not(:has(${shown})),`,
    `${scope} fieldset > :not(legend):not(:is(${shown})):not(:has(${shown}))`,
    '{display:none}',
  ].join('\n');
}

/** The stylesheet of `controls=` inside an embed; nothing otherwise. */
export function ControlsFilter() {
  const keys = useAtlas((s) => (s.params.embed ? s.params.controls : null));
  if (keys === null || keys.length === 0) return null;
  return <style data-testid="controls-filter">{controlsCss(keys)}</style>;
}
