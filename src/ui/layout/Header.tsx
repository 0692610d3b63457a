import styles from "./Header.module.css";

export function Header() {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <h1 className={styles.title}>certflow</h1>
        <p className={styles.tagline}>
          Paste Exchange PowerShell output to see which TLS certificate each SMTP connector presents, and why.
          Everything runs in this browser tab: nothing you paste leaves it.
        </p>
      </div>
    </header>
  );
}
