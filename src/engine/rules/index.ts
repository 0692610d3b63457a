import connectorTlsDisabled from "./connector-tls-disabled";
import starttlsUnavailable from "./starttls-unavailable";
import tlsnameNotFound from "./tlsname-not-found";
import type { Rule } from "./types";

/** Every rule, sorted by id. A new rule is one file, one line here and its tests. */
export const rules: readonly Rule[] = [connectorTlsDisabled, starttlsUnavailable, tlsnameNotFound];
