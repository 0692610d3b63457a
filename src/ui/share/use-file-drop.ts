import { type DragEvent, useContext } from "react";
import { StoreContext } from "../../state/use-certflow";
import { openFile } from "./open-file";

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes("Files");
}

/** Handlers for the paste box: a dropped file is opened here instead of the browser navigating to it. */
export function useFileDrop() {
  const store = useContext(StoreContext);
  return {
    onDragOver(event: DragEvent<HTMLElement>) {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    },
    onDrop(event: DragEvent<HTMLElement>) {
      const file = event.dataTransfer.files[0];
      if (file === undefined || store === null) return;
      event.preventDefault();
      void openFile(file, store);
    },
  };
}
