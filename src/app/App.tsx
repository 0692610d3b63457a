import type { CertflowStore } from "../state/store";
import { StoreContext } from "../state/use-certflow";
import { Header } from "../ui/layout/Header";
import { PastePanel } from "../ui/paste/PastePanel";
import { Results } from "../ui/results/Results";
import styles from "./App.module.css";

export function App({ store }: { readonly store: CertflowStore }) {
  return (
    <StoreContext value={store}>
      <Header />
      <main className={styles.main}>
        <PastePanel />
        <Results />
      </main>
      <footer className={styles.footer}>
        <p>certflow reads what you paste in this tab only. It sends nothing anywhere and works offline.</p>
      </footer>
    </StoreContext>
  );
}
