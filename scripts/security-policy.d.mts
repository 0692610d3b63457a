export const META_CSP: string;
export const HEADER_CSP: string;
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
export const SERVICE_WORKER_CSP: string;
export function headersFor(path: string): Readonly<Record<string, string>>;
export function singleFileCsp(hashes: {
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}): string;
