import { useEffect, useRef, type Dispatch } from 'react';
import type { Action, AppState } from '../src/tui/app-state.js';
import { performEffect, type EffectRuntime } from '../src/tui/effects.js';

/** Carries out what the reducer asked for (each effect id once) and tells the reducer how it went. */
export function useSideEffects(state: AppState, dispatch: Dispatch<Action>, runtime: EffectRuntime): void {
  const done = useRef(0);
  const effect = state.effect;
  const { store, sources, options } = state;
  useEffect(() => {
    if (!effect || effect.id <= done.current) return;
    done.current = effect.id;
    void performEffect(effect, { store, sources, symbols: options.symbols }, runtime).then(dispatch);
  }, [effect, dispatch, runtime, store, sources, options.symbols]);
}
