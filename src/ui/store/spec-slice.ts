import type { StateCreator } from 'zustand';
import type { ModelSpec } from '../../shared/model-spec';
import { starterNetwork } from '../../model/templates';
import type { StudioState } from './studio-store';

export interface SpecSlice {
  spec: ModelSpec;
}

export const createSpecSlice: StateCreator<StudioState, [], [], SpecSlice> = () => ({
  spec: starterNetwork(),
});
