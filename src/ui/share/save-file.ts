import { saveBlob } from "../files/save-blob";

/** Fixed, so nothing pasted ever names a file. */
export const SHARE_FILE_NAME = "certflow-share.certflow";

export function saveShareFile(text: string): void {
  saveBlob(SHARE_FILE_NAME, new Blob([text], { type: "application/json" }));
}
