// Minimal typings for the parts of citation-js 0.8 this project uses (the packages ship no .d.ts).
declare module '@citation-js/core' {
  export interface FormatOptions {
    format?: 'text' | 'html' | 'string' | 'object';
    template?: string;
    lang?: string;
    type?: string;
    style?: string;
  }
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: Record<string, unknown>[];
    format(format: string, options?: FormatOptions): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: Register<string>; locales: Register<string> };
      get(name: string): Record<string, unknown>;
    };
    input: Record<string, unknown>;
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
