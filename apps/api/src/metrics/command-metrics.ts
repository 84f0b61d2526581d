import type { CommandBus } from '@nestjs/cqrs';
import { ExecuteCommand, isCommandType } from '@chronicle/application';
import { toErrorResponse } from '@chronicle/platform';
import type { ChronicleMetrics } from './chronicle-metrics';
import { secondsSince } from './outcome';
import { wrapMethod } from './wrap-method';

type Execute = CommandBus['execute'];

/**
 * Times every Chronicle command sent through `bus`, from HTTP or the command queue, by command
 * type and outcome: `accepted`, or the error code the API answers with (`RULE_VIOLATED`,
 * `CONCURRENCY_CONFLICT`…). A type outside the registry is labelled `unknown`, so a caller cannot
 * add series by inventing names. Answers the function that stops observing.
 */
export function observeCommandBus(bus: CommandBus, metrics: ChronicleMetrics): () => void {
  return wrapMethod(bus, 'execute', (execute) => timedExecute(execute, metrics));
}

function timedExecute(execute: Execute, metrics: ChronicleMetrics): Execute {
  const timed = async (...args: Parameters<Execute>): Promise<unknown> => {
    const [command] = args;
    if (!(command instanceof ExecuteCommand)) return await execute(...args);
    const type = command.request.type;
    const labels = { command: isCommandType(type) ? type : 'unknown' };
    const started = performance.now();
    metrics.commandsInFlight.inc();
    try {
      const result: unknown = await execute(...args);
      metrics.commandDuration.observe({ ...labels, outcome: 'accepted' }, secondsSince(started));
      return result;
    } catch (error) {
      const outcome = toErrorResponse(error).body.code;
      metrics.commandDuration.observe({ ...labels, outcome }, secondsSince(started));
      throw error;
    } finally {
      metrics.commandsInFlight.dec();
    }
  };
  return timed;
}
