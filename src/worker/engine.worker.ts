/// <reference lib="webworker" />
import type { WorkerEvent } from '../shared/protocol';
import { decodeCommand, isPing, transferablesOf } from '../shared/protocol';
import { Engine } from './engine';
import { limitLayersOrderCache } from './layers-order-cache';
import { Outbox } from './outbox';

const scope = self as unknown as DedicatedWorkerGlobalScope;

limitLayersOrderCache();

const outbox = new Outbox((event: WorkerEvent) => scope.postMessage(event, transferablesOf(event)));
const engine = new Engine((event) => outbox.post(event));

scope.onmessage = (message: MessageEvent<unknown>) => {
  // The page's liveness check, answered here so the engine never sees it, and from a timer:
  // a worker that is closing may still take messages while its timers, which the engine's
  // readbacks and the outbox need, no longer run.
  if (isPing(message.data)) {
    const { id } = message.data;
    setTimeout(() => outbox.post({ type: 'pong', id }), 0);
    return;
  }
  let command;
  try {
    command = decodeCommand(message.data);
  } catch (error) {
    outbox.post({ type: 'error', where: 'protocol', message: String(error) });
    return;
  }
  void engine.handle(command);
};
