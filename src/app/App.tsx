import type { CertflowStore } from "../state/store";
import { StoreContext } from "../state/use-certflow";
import { WhatToPaste } from "../ui/collector/WhatToPaste";
import { Header } from "../ui/layout/Header";
import { PastePanel } from "../ui/paste/PastePanel";
import { Results } from "../ui/results/Results";
import { OfflineLinks } from "../ui/share/OfflineLinks";
import { ShareNotice } from "../ui/share/ShareNotice";
import styles from "./App.module.css";
import { serviceWorkerUpdates } from "./sw-register";

export function App({ store }: { readonly store: CertflowStore }) {
  return (
    <StoreContext value={store}>
      <Header />
      <main className={styles.main}>
        <ShareNotice />
        <PastePanel />
        <WhatToPaste />
        <Results />
      </main>
      <footer className={styles.footer}>
        <p>certflow reads what you paste in this tab only. It sends nothing anywhere and works offline.</p>
        <OfflineLinks updates={serviceWorkerUpdates} />
      </footer>
    </StoreContext>
  );
}
