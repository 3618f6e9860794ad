import { useEffect, useRef, type Dispatch } from 'react';
import type { Action, AppState } from '../src/tui/app-state.js';
import { performEffect, type EffectRuntime } from '../src/tui/effects.js';

/**
 * Carries out what the reducer asked for, each effect id once and in order (keys arriving in one
 * read can ask for several before React draws), and tells the reducer how it went.
 */
export function useSideEffects(state: AppState, dispatch: Dispatch<Action>, runtime: EffectRuntime): void {
  const done = useRef(0);
  const { effects, store, sources, indexes, options } = state;
  useEffect(() => {
    for (const effect of effects) {
      if (effect.id <= done.current) continue;
      done.current = effect.id;
      void performEffect(effect, { store, sources, indexes, symbols: options.symbols }, runtime).then(dispatch);
    }
  }, [effects, dispatch, runtime, store, sources, indexes, options.symbols]);
}
