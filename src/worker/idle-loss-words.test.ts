import { describe, expect, it } from 'vitest';
import { idleLossNotice, idleLossReason } from './idle-loss-words';

describe('the words for a GPU lost while nothing trains', () => {
  it('tells the badge what was lost and where the studio went', () => {
    expect(idleLossReason('webgl', 'cpu')).toBe(
      'the WebGL context was lost while no run was training; the studio moved to CPU',
    );
    expect(idleLossReason('webgpu', 'webgl')).toBe(
      'the WebGPU device was lost while no run was training; the studio moved to WebGL',
    );
  });

  it('says plainly what became of the network’s weights', () => {
    expect(idleLossNotice({ from: 'mirror' }, 'cpu')).toEqual({
      tone: 'info',
      message:
        'The GPU was lost; the studio goes on on CPU, and the network keeps its trained weights.',
    });
    expect(idleLossNotice({ from: 'checkpoint', epoch: 3 }, 'cpu').message).toContain(
      'the weights of its checkpoint of epoch 3',
    );
    const fresh = idleLossNotice({ from: 'fresh' }, 'cpu');
    expect(fresh.tone).toBe('error');
    expect(fresh.message).toContain(
      'The GPU was lost; the network starts again from fresh weights',
    );
    expect(idleLossNotice({ from: 'nothing' }, 'webgl')).toEqual({
      tone: 'info',
      message: 'The GPU was lost; the studio goes on on WebGL.',
    });
    const failed = idleLossNotice({ from: 'failed', why: 'out of memory' }, 'cpu');
    expect(failed.tone).toBe('error');
    expect(failed.message).toContain('could not be built again on CPU (out of memory)');
  });
});
