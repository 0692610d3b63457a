export const META_CSP: string;
export const HEADER_CSP: string;
export const SECURITY_HEADERS: Readonly<Record<string, string>>;
