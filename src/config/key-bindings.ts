/**
 * Applying the config file's key overrides to a keymap. Generic over the binding shape, so it
 * works on the explorer's KEYMAP once each binding has an `action` id, without src/config
 * knowing the keymap. An override replaces all the keys of that action (an empty list unbinds
 * it). Two actions on one key in one mode would make one of them unreachable, so that is an
 * error, naming both.
 */
import { formatJsonPath, quote } from './config-checker.js';

export interface RemappableBinding {
  action: string;
  keys: string[];
  modes: string[];
}

export interface KeyBindingResult<T> {
  /** The remapped bindings; the input unchanged when there are errors, so a bad config never half-applies. */
  bindings: T[];
  errors: string[];
}

/** `file` (the config file's name) prefixes each error, as in the config's own messages. */
export function applyKeyBindings<T extends RemappableBinding>(
  bindings: readonly T[],
  overrides: Readonly<Record<string, readonly string[]>>,
  file?: string,
): KeyBindingResult<T> {
  const errors: string[] = [];
  const known = new Set(bindings.map((binding) => binding.action));
  for (const action of Object.keys(overrides)) if (!known.has(action)) errors.push(`keys: unknown action ${quote(action)}`);
  const remapped = bindings.map((binding) => (Object.hasOwn(overrides, binding.action) ? { ...binding, keys: [...new Set(overrides[binding.action])] } : binding));
  errors.push(...conflicts(remapped, overrides));
  if (errors.length === 0) return { bindings: remapped, errors };
  return { bindings: [...bindings], errors: file === undefined ? errors : errors.map((error) => `${file}: ${error}`) };
}

/** Each key bound to two different actions in one mode, once. */
function conflicts(bindings: readonly RemappableBinding[], overrides: Readonly<Record<string, readonly string[]>>): string[] {
  const owner = new Map<string, string>();
  const reported = new Set<string>();
  const errors: string[] = [];
  for (const binding of bindings) {
    for (const mode of binding.modes) {
      for (const key of binding.keys) {
        const slot = `${mode}\u0000${key}`;
        const other = owner.get(slot);
        if (other === undefined) owner.set(slot, binding.action);
        else if (other !== binding.action && !reported.has(`${slot}\u0000${other}\u0000${binding.action}`)) {
          reported.add(`${slot}\u0000${other}\u0000${binding.action}`);
          // Name the overridden action first: that is the line of the config to change.
          const [first, second] = Object.hasOwn(overrides, binding.action) && !Object.hasOwn(overrides, other) ? [binding.action, other] : [other, binding.action];
          errors.push(`${formatJsonPath(['keys', first])}: ${quote(key)} is also the key of ${quote(second)} in ${mode} mode`);
        }
      }
    }
  }
  return errors;
}
