import type { Plugin } from "vite";

export const SINGLE_FILE_MODE: string;
export const SINGLE_FILE_NAME: string;
export function buildSingleFileAfter(configFile: string): Plugin;
export function inlineAnalysisWorker(root: string): Plugin;
export function inlineIntoPage(root: string): Plugin;
