import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_FILTERS, type Filters } from '../../../src/domain/filters';
import type { IncomingCommand } from '../../../src/domain/host-messages';
import {
  coalesceCommand,
  NO_PENDING_COMMANDS,
  NOTHING_SENT,
  REPORT_INTERVAL_MS,
  reportDelay,
  reportMessages,
  type HostView,
} from '../../../src/domain/host-message-batching';

/** The store's effect of one command, as useHostMessages applies it. */
function applyOne(state: { filters: Filters; selectedId: string | null }, command: IncomingCommand) {
  return command.type === 'set-filters' ? { ...state, filters: { ...state.filters, ...command.filters } } : { ...state, selectedId: command.id };
}

const commandArbitrary: fc.Arbitrary<IncomingCommand> = fc.oneof(
  fc.record(
    {
      themes: fc.subarray(['mobilite', 'alimentation', 'tiers-lieux'] as const),
      match: fc.constantFrom('any' as const, 'all' as const),
      departments: fc.subarray(['35', '59', '2A']),
      query: fc.string({ maxLength: 5 }),
    },
    { requiredKeys: [] },
  ).map((filters) => ({ type: 'set-filters' as const, filters: filters as Partial<Filters> })),
  fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }).map((id) => ({ type: 'set-selection' as const, id })),
);

describe('incoming commands folded between two frames', () => {
  it('leave the map as applying each command in turn would', () => {
    fc.assert(
      fc.property(fc.array(commandArbitrary, { maxLength: 30 }), (commands) => {
        const start = { filters: { ...EMPTY_FILTERS, themes: ['commerces' as const], query: 'vélo' }, selectedId: 'z' as string | null };
        const oneByOne = commands.reduce(applyOne, start);
        const pending = commands.reduce(coalesceCommand, NO_PENDING_COMMANDS);
        const folded = {
          filters: pending.filters ? { ...start.filters, ...pending.filters } : start.filters,
          selectedId: pending.selection ? pending.selection.id : start.selectedId,
        };
        expect(folded).toEqual(oneByOne);
      }),
    );
  });

  it('keep only the last of 5,000 set-filters, with fields an earlier one set and the last left alone', () => {
    let pending = coalesceCommand(NO_PENDING_COMMANDS, { type: 'set-filters', filters: { departments: ['35'] } });
    for (let index = 0; index < 5000; index += 1) {
      pending = coalesceCommand(pending, { type: 'set-filters', filters: { themes: [index % 2 ? 'mobilite' : 'alimentation'] } });
    }
    expect(pending).toEqual({ filters: { departments: ['35'], themes: ['mobilite'] }, selection: null });
  });

  it('keep a selection removal (null) as a command', () => {
    const commands: IncomingCommand[] = [{ type: 'set-selection', id: 'a' }, { type: 'set-selection', id: null }];
    const pending = commands.reduce(coalesceCommand, NO_PENDING_COMMANDS);
    expect(pending.selection).toEqual({ id: null });
  });
});

describe('reports to the host', () => {
  const view = (patch: Partial<HostView> = {}): HostView => ({
    filters: { ...EMPTY_FILTERS, themes: ['mobilite'] },
    count: 12,
    selectedId: null,
    nameOf: (id) => `Nom de ${id}`,
    ...patch,
  });

  it('first say the filters and height, not an empty selection', () => {
    const { messages } = reportMessages(NOTHING_SENT, view(), 640);
    expect(messages.map((message) => message.type)).toEqual(['carte-ess:filters', 'carte-ess:height']);
  });

  it('say nothing again when nothing changed in content, even for a new but equal filters object', () => {
    const first = reportMessages(NOTHING_SENT, view(), 640);
    const again = reportMessages(first.sent, view({ filters: { ...EMPTY_FILTERS, themes: ['mobilite'] } }), 640);
    expect(again.messages).toEqual([]);
  });

  it('say only what changed: the count, then a selection with its name, then its removal', () => {
    let sent = reportMessages(NOTHING_SENT, view(), 640).sent;
    const counted = reportMessages(sent, view({ count: 3 }), 640);
    expect(counted.messages).toEqual([expect.objectContaining({ type: 'carte-ess:filters', count: 3 })]);
    sent = counted.sent;
    const selected = reportMessages(sent, view({ count: 3, selectedId: 'a' }), 640);
    expect(selected.messages).toEqual([{ source: 'carte-ess', type: 'carte-ess:select', id: 'a', name: 'Nom de a' }]);
    const closed = reportMessages(selected.sent, view({ count: 3, selectedId: null }), 640);
    expect(closed.messages).toEqual([{ source: 'carte-ess', type: 'carte-ess:select', id: null, name: null }]);
  });

  it('before the data is ready, say only the height', () => {
    const { messages, sent } = reportMessages(NOTHING_SENT, null, 300);
    expect(messages.map((message) => message.type)).toEqual(['carte-ess:height']);
    expect(reportMessages(sent, view(), 300).messages.map((message) => message.type)).toEqual(['carte-ess:filters']);
  });

  it('go out at once the first time, then at most every REPORT_INTERVAL_MS', () => {
    expect(reportDelay(1000, null)).toBe(0);
    expect(reportDelay(1000, 1000)).toBe(REPORT_INTERVAL_MS);
    expect(reportDelay(1000 + REPORT_INTERVAL_MS / 2, 1000)).toBe(REPORT_INTERVAL_MS / 2);
    expect(reportDelay(5000, 1000)).toBe(0);
  });
});
