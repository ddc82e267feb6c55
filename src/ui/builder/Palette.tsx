import { PaletteItem } from './PaletteItem';
import { paletteGroups } from './palette-groups';

// The registry is fixed at build time, so the grouping is worked out once.
const GROUPS = paletteGroups();

/** Every layer kind, grouped by category, to drag onto the canvas or add with a button. */
export function Palette() {
  return (
    <nav className="palette" aria-label="Layer palette" data-testid="palette">
      {GROUPS.map((group) => (
        <section key={group.category} className="palette-group" aria-label={group.category}>
          <h3>{group.category}</h3>
          <ul>
            {group.kinds.map((kind) => (
              <PaletteItem key={kind} kind={kind} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
