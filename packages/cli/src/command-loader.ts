import type { CommandModule } from './command-module.js';

type Registry = readonly (readonly [name: string, load: () => Promise<CommandModule>])[];

/** Global options that take a value, so the token after them is not the command name. */
const GLOBAL_WITH_VALUE = new Set(['--db']);

/**
 * The command a user invoked: the first argument that is not a global option (`help NAME` counts
 * as NAME). Undefined for `touchstone`, `touchstone --help` or an unknown name.
 */
export function invokedCommand(argv: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (GLOBAL_WITH_VALUE.has(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    const name = arg === 'help' ? argv[i + 1] : arg;
    return name !== undefined && names.includes(name) ? name : undefined;
  }
  return undefined;
}

/** Loads only the invoked command's module, or every module (root help, unknown commands). */
export async function loadCommands(registry: Registry, argv: readonly string[]): Promise<CommandModule[]> {
  const name = invokedCommand(argv, registry.map(([n]) => n));
  const chosen = name === undefined ? registry : registry.filter(([n]) => n === name);
  return Promise.all(chosen.map(([, load]) => load()));
}
