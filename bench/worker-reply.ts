/**
 * Makes this worker answer each message with `work`'s result, `{ ok: true, ...result }`, or
 * with what went wrong in words, `{ ok: false, message }` (the replies of bench/jobs.ts).
 */
export function answerMessages<M, R extends object>(work: (message: M) => Promise<R>): void {
  self.onmessage = (message: MessageEvent<M>) => {
    work(message.data).then(
      (result) => self.postMessage({ ok: true, ...result }),
      (error: unknown) =>
        self.postMessage({
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };
}
